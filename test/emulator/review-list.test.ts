import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_FIRST_ID as FIRST_ID } from "../../emulator";
import {
  admin,
  apply,
  call,
  clientAt,
  errorCode,
  IDENTIFICATION_LIST_VERSION,
  listedIds,
  listIdentifications,
  useEmulators,
  xDateOf,
} from "../support/emulator-client";
import { validInputs } from "../support/fixtures/qualification";

const ALL = { pageIndex: 1, pageSize: 100 };

interface Item {
  id: bigint;
  materialName: string;
  auditStatus: number;
  auditOpinion: string;
  auditedAt: number;
  usable: boolean;
}

function items(response: { json: { Result?: { list: Item[] } } }): Item[] {
  const text = JSON.stringify(response.json, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
  assert.ok(response.json.Result, text);
  return response.json.Result.list;
}

describe("emulator: GetSignatureIdentificationList (2026-01-01), review states and the admin API", () => {
  const start = useEmulators();

  it("lists a qualification in every review state with its number, reason, time and usability", async () => {
    const clock = new Date("2030-01-01T00:00:00Z");
    const emu = await start({ now: () => clock });
    const api = clientAt(emu, () => clock);
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) ids.push(await apply(emu, { xDate: xDateOf(clock) }));
    const [pending, rejected, approved, closed, exempted, unlisted] = ids as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    emu.reject(rejected, "营业执照模糊，请重新上传");
    emu.approve(approved);
    emu.setStatus(closed, "closed");
    emu.setStatus(exempted, 5);
    emu.setStatus(unlisted, 9, "unknown to clients");

    const response = await api("GetSignatureIdentificationList", ALL, { version: IDENTIFICATION_LIST_VERSION });
    assert.equal(response.status, 200, response.text);
    const exactId = new RegExp(`"list":\\[\\{"id":${FIRST_ID},`);
    assert.match(response.text, exactId, "the int64 id is a bare, exact number token");
    const seconds = clock.getTime() / 1000;
    assert.deepEqual(response.json.Result, {
      total: 6,
      list: [
        [pending, 1, "", 0, false],
        [rejected, 2, "营业执照模糊，请重新上传", seconds, false],
        [approved, 3, "", seconds, true],
        [closed, 4, "", seconds, false],
        [exempted, 5, "", seconds, true],
        [unlisted, 9, "unknown to clients", seconds, false],
      ].map(([id, auditStatus, auditOpinion, auditedAt, usable]) => ({
        id: BigInt(id as string),
        materialName: "示例科技短信资质",
        purpose: 1,
        businessCertificateName: "示例科技有限公司",
        effectSignatures: ["示例科技"],
        auditStatus,
        auditOpinion,
        auditedAt,
        usable,
        isOrder: false,
      })),
    });
    const approvedOnly = await listedIds(emu, { xDate: xDateOf(clock) });
    assert.deepEqual(approvedOnly, [approved], "the 2021 list still shows approved ones only");
  });

  it("filters by id, by materialName (substring) and by auditStatus, and pages", async () => {
    const emu = await start();
    const first = await apply(emu);
    const other = await call(emu, "ApplySignatureIdent", validInputs({ materialName: "另一家资质" }));
    const second = /"id":(\d+)/.exec(other.text)?.[1];
    assert.ok(second);
    const third = await apply(emu);
    emu.approve(third);
    const ids = async (body: object) =>
      items(await listIdentifications(emu, { ...ALL, ...body })).map((q) => String(q.id));

    assert.deepEqual(await ids({ id: BigInt(second) }), [second]);
    assert.deepEqual(await ids({ id: 42 }), []);
    assert.deepEqual(await ids({ materialName: "示例科技短信资质" }), [first, third]);
    assert.deepEqual(await ids({ materialName: "资质" }), [first, second, third]);
    assert.deepEqual(await ids({ status: [3] }), [third]);
    assert.deepEqual(await ids({ status: [1, 2] }), [first, second]);
    assert.deepEqual(await ids({ status: [] }), [first, second, third]);
    assert.deepEqual(await ids({ materialName: "示例", status: [1] }), [first]);

    const pageTwo = await listIdentifications(emu, { pageIndex: 2, pageSize: 2 });
    assert.deepEqual(
      items(pageTwo).map((q) => String(q.id)),
      [third],
    );
    assert.equal(pageTwo.json.Result.total, 3);
    assert.deepEqual(items(await listIdentifications(emu, { pageIndex: 3, pageSize: 2 })), []);
  });

  it("answers 1001 naming the field, without echoing the value, for a bad query", async () => {
    const emu = await start();
    const cases: [object, string][] = [
      [{ pageSize: 10 }, "pageIndex is required"],
      [{ pageIndex: 1 }, "pageSize is required"],
      [{ pageIndex: 0, pageSize: 10 }, "pageIndex must be between 1"],
      [{ pageIndex: 1, pageSize: 101 }, "pageSize must be between 1 and 100"],
      [{ ...ALL, id: "12345" }, "id must be a positive integer (int64)"],
      [{ ...ALL, status: [1, "two"] }, "status[1] must be an integer"],
      [{ ...ALL, status: 3 }, "status must be an array"],
      [{ ...ALL, materialName: 77 }, "materialName must be a string"],
    ];
    for (const [body, message] of cases) {
      const response = await listIdentifications(emu, body);
      assert.equal(response.status, 200, response.text);
      assert.equal(errorCode(response), "1001", response.text);
      assert.equal(response.json.ResponseMetadata.Error?.CodeN, 1001);
      const said = response.json.ResponseMetadata.Error?.Message ?? "";
      assert.ok(said.includes(message), `${response.text} should say ${message}`);
      assert.doesNotMatch(response.text, /two|12345/);
    }
  });

  it("answers 404 InvalidActionOrVersion when an action is asked for under the other version", async () => {
    const emu = await start();
    const oldVersion = await call(emu, "GetSignatureIdentificationList", ALL);
    assert.equal(oldVersion.status, 404);
    assert.equal(errorCode(oldVersion), "InvalidActionOrVersion");
    const newVersion = await call(emu, "GetSignatureIdentList", ALL, { version: IDENTIFICATION_LIST_VERSION });
    assert.equal(newVersion.status, 404);
    assert.equal(errorCode(newVersion), "InvalidActionOrVersion");
  });

  it("answers InvalidActionOrVersion for the 2026 action when started without it or switched off", async () => {
    const without = await start({ offerIdentificationList: false });
    const refused = await listIdentifications(without, ALL);
    assert.equal(refused.status, 404);
    assert.equal(errorCode(refused), "InvalidActionOrVersion");
    assert.equal(refused.json.Result, undefined);
    assert.equal(refused.json.ResponseMetadata.Error?.CodeN, undefined, "a gateway error, not a business one");
    assert.deepEqual(await listedIds(without), [], "the 2021 list still answers");

    const emu = await start();
    assert.equal((await listIdentifications(emu, ALL)).status, 200);
    assert.deepEqual((await admin(emu, "POST", "settings", { offerIdentificationList: false })).json, {
      offerIdentificationList: false,
      rateLimitPerSecond: null,
      dailyCreationLimit: null,
    });
    assert.equal(errorCode(await listIdentifications(emu, ALL)), "InvalidActionOrVersion");
    emu.configure({ offerIdentificationList: true });
    assert.equal((await admin(emu, "GET", "settings")).json.offerIdentificationList, true);
    assert.equal((await listIdentifications(emu, ALL)).status, 200);
    assert.equal((await admin(emu, "POST", "settings", { offerIdentificationList: "no" })).status, 400);
  });

  it("rejects with an opinion and sets any status over the admin API; refuses an unknown status or id", async () => {
    const emu = await start();
    const id = await apply(emu);
    const reviewed = async () => items(await listIdentifications(emu, { ...ALL, id: BigInt(id) }))[0]!;

    assert.equal((await admin(emu, "POST", `reject?id=${id}`, { opinion: "授权委托书缺少公章" })).status, 200);
    assert.deepEqual([(await reviewed()).auditStatus, (await reviewed()).auditOpinion], [2, "授权委托书缺少公章"]);
    assert.equal((await admin(emu, "POST", `status?id=${id}`, { status: "closed" })).status, 200);
    assert.deepEqual([(await reviewed()).auditStatus, (await reviewed()).auditOpinion], [4, ""]);
    assert.equal((await admin(emu, "POST", `status?id=${id}`, { status: 9, opinion: "x" })).status, 200);
    assert.equal((await reviewed()).auditStatus, 9);
    assert.equal(emu.qualifications()[0]!.status, "status-9");
    assert.equal((await admin(emu, "POST", `status?id=${id}`, { status: "pending" })).status, 200);
    assert.deepEqual([(await reviewed()).auditStatus, (await reviewed()).auditedAt], [1, 0]);
    assert.equal((await admin(emu, "POST", `reject?id=${id}`)).status, 200, "the opinion is optional");

    const badStatus = await admin(emu, "POST", `status?id=${id}`, { status: "lost" });
    assert.equal(badStatus.status, 400);
    assert.match(badStatus.json.error, /status must be one of pending, approved, .*, or an auditStatus number/);
    assert.equal((await admin(emu, "POST", `status?id=${id}`, {})).status, 400);
    assert.equal((await admin(emu, "POST", "status?id=42", { status: "approved" })).status, 404);
    const routes: string[] = (await admin(emu, "GET", "nothing")).json.routes;
    assert.ok(
      routes.some((route) => route.startsWith("POST /__emulator/status")),
      "a wrong route lists the routes",
    );
  });

  it("keeps the simulated review: approved after approvalDelayMs, with auditedAt at that moment", async () => {
    let clock = new Date("2030-01-01T00:00:00Z");
    const emu = await start({ approvalDelayMs: 5000, now: () => clock });
    const api = clientAt(emu, () => clock);
    await apply(emu, { xDate: xDateOf(clock) });
    const list = () => api("GetSignatureIdentificationList", ALL, { version: IDENTIFICATION_LIST_VERSION });
    assert.deepEqual(
      items(await list()).map((q) => [q.auditStatus, q.auditedAt, q.usable]),
      [[1, 0, false]],
    );
    clock = new Date(clock.getTime() + 60_000);
    const decidedAt = Date.parse("2030-01-01T00:00:05Z") / 1000;
    assert.deepEqual(
      items(await list()).map((q) => [q.auditStatus, q.auditedAt, q.usable]),
      [[3, decidedAt, true]],
    );
  });

  describe("with a state file", () => {
    let directory: string;
    beforeEach(() => {
      directory = mkdtempSync(join(tmpdir(), "sms-emulator-review-"));
    });
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("keeps status, opinion and review time across a restart", async () => {
      const dataFile = join(directory, "state.json");
      const clock = new Date("2030-02-03T04:05:06Z");
      const first = await start({ dataFile, now: () => clock });
      const rejected = await apply(first, { xDate: xDateOf(clock) });
      const unlisted = await apply(first, { xDate: xDateOf(clock) });
      first.reject(rejected, "名称与营业执照不符");
      first.setStatus(unlisted, 9);
      await first.close();

      const second = await start({ dataFile, now: () => clock });
      const listed = items(await listIdentifications(second, ALL, { xDate: xDateOf(clock) }));
      assert.deepEqual(
        listed.map((q) => [String(q.id), q.auditStatus, q.auditOpinion, q.auditedAt]),
        [
          [rejected, 2, "名称与营业执照不符", clock.getTime() / 1000],
          [unlisted, 9, "", clock.getTime() / 1000],
        ],
      );
    });

    it("loads a state file written before reviews had an opinion or a time", async () => {
      const dataFile = join(directory, "old-state.json");
      const createdAt = "2029-05-06T07:08:09.000Z";
      const old = (id: string, status: string) => ({
        id,
        status,
        createdAt,
        purpose: 1,
        materialName: "旧资质",
        businessCertificateName: "Old Co.",
        operatorPersonName: "A",
        responsiblePersonName: "B",
        legalPersonName: "C",
        effectSignatures: ["旧签名"],
      });
      const qualifications = [
        old(FIRST_ID, "pending"),
        old("9007199254740994", "approved"),
        old("9007199254740995", "rejected"),
      ];
      writeFileSync(dataFile, JSON.stringify({ nextId: "9007199254740996", qualifications }));

      const emu = await start({ dataFile });
      const listed = items(await listIdentifications(emu, ALL));
      const createdSeconds = Date.parse(createdAt) / 1000;
      assert.deepEqual(
        listed.map((q) => [String(q.id), q.auditStatus, q.auditOpinion, q.auditedAt]),
        [
          [FIRST_ID, 1, "", 0],
          ["9007199254740994", 3, "", createdSeconds],
          ["9007199254740995", 2, "", createdSeconds],
        ],
      );
      assert.equal(await apply(emu), "9007199254740996");
    });
  });
});
