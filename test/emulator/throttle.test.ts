import assert from "node:assert/strict";
import { parseCliArgs } from "../../emulator/cli-args";
import {
  admin,
  apply,
  call,
  clientAt,
  errorCode,
  listIdentifications,
  useEmulators,
  xDateOf,
} from "../support/emulator-client";

const LIST = { pageIndex: 1, pageSize: 10 };

describe("emulator: rate limit (FlowLimitExceeded) and traffic counters", () => {
  const start = useEmulators();

  it("refuses with 429 FlowLimitExceeded any request beyond N in a sliding second, refused ones too", async () => {
    let clock = new Date("2030-01-01T00:00:00.000Z");
    const emu = await start({ rateLimitPerSecond: 2, now: () => clock });
    const api = clientAt(emu, () => clock);
    const list = async () => {
      const response = await api("GetSignatureIdentList", LIST);
      return response.status === 200 ? "ok" : `${response.status} ${errorCode(response)}`;
    };
    const at = async (ms: number) => {
      clock = new Date(Date.parse("2030-01-01T00:00:00.000Z") + ms);
      return list();
    };

    assert.equal(await at(0), "ok");
    assert.equal(await at(500), "ok");
    assert.equal(await at(900), "429 FlowLimitExceeded");
    assert.equal(await at(1000), "429 FlowLimitExceeded", "the refused request at 900 still fills the window");
    assert.equal(await at(1950), "ok", "only the request at 1000 is left in the window");
    assert.equal(await at(1960), "429 FlowLimitExceeded");

    const refused = emu.requests.filter((r) => r.code === "FlowLimitExceeded");
    assert.equal(refused.length, 3);
    assert.ok(refused.every((r) => r.httpStatus === 429));
    const counters = (await admin(emu, "GET", "counters")).json;
    assert.deepEqual(counters, {
      received: { GetSignatureIdentList: 6 },
      throttled: 3,
      filed: 0,
      connections: 7, // a connection per request (the test client keeps none open), the admin GET included
    });
  });

  it("answers the refusal in the gateway's envelope, before the signature is even checked", async () => {
    const emu = await start({ rateLimitPerSecond: 1 });
    assert.equal((await call(emu, "GetSignatureIdentList", LIST)).status, 200);
    const refused = await call(emu, "ApplySignatureIdent", {}, { secretKey: "wrong" });
    assert.equal(refused.status, 429, refused.text);
    const metadataKeys = ["Action", "Error", "Region", "RequestId", "Service", "Version"];
    assert.deepEqual(Object.keys(refused.json.ResponseMetadata).sort(), metadataKeys);
    assert.equal(refused.json.ResponseMetadata.Error?.Code, "FlowLimitExceeded");
    assert.equal(refused.json.ResponseMetadata.Error?.CodeN, undefined);
    assert.equal(refused.json.Result, undefined);
    assert.deepEqual(emu.qualifications(), [], "nothing was filed");
  });

  it("counts requests per action, refusals and filings; counters reset, and the limit changes at runtime", async () => {
    let clock = new Date("2030-01-01T00:00:00Z");
    const emu = await start({ now: () => clock });
    const api = clientAt(emu, () => clock);
    await apply(emu, { xDate: xDateOf(clock) });
    await apply(emu, { xDate: xDateOf(clock) });
    await api("ApplySignatureIdent", { materialName: "" });
    await listIdentifications(emu, LIST, { xDate: xDateOf(clock) });
    await api("GetSignatureIdentList", LIST, { secretKey: "wrong" });
    assert.deepEqual(emu.counters(), {
      received: { ApplySignatureIdent: 3, GetSignatureIdentificationList: 1, GetSignatureIdentList: 1 },
      throttled: 0,
      filed: 2,
      connections: 5,
    });

    assert.deepEqual((await admin(emu, "DELETE", "counters")).json, { ok: true });
    assert.deepEqual(emu.counters(), { received: {}, throttled: 0, filed: 0, connections: 0 });

    assert.deepEqual((await admin(emu, "POST", "settings", { rateLimitPerSecond: 1 })).json.rateLimitPerSecond, 1);
    clock = new Date(clock.getTime() + 1000);
    const statuses = await Promise.all([1, 2, 3].map(async () => (await api("GetSignatureIdentList", LIST)).status));
    assert.deepEqual(statuses.sort(), [200, 429, 429]);
    assert.equal(emu.counters().throttled, 2);
    emu.configure({ rateLimitPerSecond: null });
    assert.equal(emu.settings().rateLimitPerSecond, null);
    assert.equal((await api("GetSignatureIdentList", LIST)).status, 200);
    assert.equal((await admin(emu, "POST", "settings", { rateLimitPerSecond: 0 })).status, 400);
    assert.throws(() => emu.configure({ rateLimitPerSecond: 1.5 }), /invalid settings/);
  });

  it("takes --rate-limit and --without-identification-list from the command line", async () => {
    const command = parseCliArgs(["--port", "0", "--rate-limit", "1", "--without-identification-list"]);
    assert.equal(command.kind, "run");
    if (command.kind !== "run") return;
    const emu = await start(command.options);
    assert.deepEqual(emu.settings(), {
      offerIdentificationList: false,
      rateLimitPerSecond: 1,
      dailyCreationLimit: null,
    });
    const withoutList = await listIdentifications(emu, LIST);
    assert.equal(errorCode(withoutList), "InvalidActionOrVersion");
    assert.equal((await call(emu, "GetSignatureIdentList", LIST)).status, 429);
    assert.throws(() => parseCliArgs(["--rate-limit", "0"]), /--rate-limit must be an integer between 1 and/);
    assert.throws(() => parseCliArgs(["--rate-limit", "many"]), /--rate-limit must be an integer/);
  });
});
