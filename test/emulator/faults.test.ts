import assert from "node:assert/strict";
import net from "node:net";
import { stringify as stringifyLossless } from "lossless-json";
import { DEFAULT_FIRST_ID } from "../../emulator";
import {
  apply,
  call,
  errorCode,
  listedIds,
  rawRequest,
  signedHeadersFor,
  useEmulators,
} from "../support/emulator-client";
import { validInputs } from "../support/fixtures/qualification";

describe("emulator: injected faults", () => {
  const start = useEmulators();

  const listBody = { pageIndex: 1, pageSize: 10 };

  it("throttles the next N matching requests (429 FlowLimitExceeded, Retry-After), then answers normally", async () => {
    const emu = await start();
    emu.injectFault({ kind: "throttle", times: 2, retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i++) {
      const throttled = await call(emu, "GetSignatureIdentList", listBody);
      assert.equal(throttled.status, 429);
      assert.equal(errorCode(throttled), "FlowLimitExceeded");
      assert.equal(throttled.headers["retry-after"], "3");
    }
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 200);
  });

  it("applies a fault only to its action", async () => {
    const emu = await start();
    emu.injectFault({ kind: "throttle", action: "ApplySignatureIdent" });
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 200);
    assert.equal((await call(emu, "ApplySignatureIdent", validInputs())).status, 429);
    assert.equal((await call(emu, "ApplySignatureIdent", validInputs())).status, 200);
  });

  it("keeps an Infinity fault until clearFaults()", async () => {
    const emu = await start();
    emu.injectFault({ kind: "http-error", status: 503, times: Infinity });
    for (let i = 0; i < 3; i++) assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 503);
    emu.clearFaults();
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 200);
  });

  it("answers http-error faults with the gateway code that fits the status", async () => {
    const emu = await start();
    const expected = {
      500: "InternalError",
      502: "FailToConnect",
      503: "ServiceUnavailableTemp",
      504: "InternalServiceTimeout",
    } as const;
    for (const [status, code] of Object.entries(expected)) {
      emu.injectFault({ kind: "http-error", status: Number(status) as 500 | 502 | 503 | 504 });
      const response = await call(emu, "ApplySignatureIdent", validInputs());
      assert.equal(response.status, Number(status));
      assert.equal(errorCode(response), code);
    }
    assert.deepEqual(emu.qualifications(), [], "an http-error fault filed a qualification");
  });

  it("answers a business-error fault with HTTP 200 and the code, filing nothing", async () => {
    const emu = await start();
    emu.injectFault({ kind: "business-error", code: "1999" });
    const response = await call(emu, "ApplySignatureIdent", validInputs());
    assert.equal(response.status, 200);
    assert.deepEqual(response.json.ResponseMetadata.Error, { Code: "1999", CodeN: 1999, Message: "系统错误" });
    assert.deepEqual(emu.qualifications(), []);
  });

  it("delays the answer by a latency fault", async () => {
    const emu = await start();
    emu.injectFault({ kind: "latency", ms: 300 });
    const started = Date.now();
    const response = await call(emu, "GetSignatureIdentList", listBody);
    assert.ok(Date.now() - started >= 290, "the answer came too early");
    assert.equal(response.status, 200);
  });

  it("reset-before-read drops the connection and files nothing", async () => {
    const emu = await start();
    emu.injectFault({ kind: "reset-before-read" });
    await assert.rejects(call(emu, "ApplySignatureIdent", validInputs()), /socket hang up|ECONNRESET/);
    assert.deepEqual(emu.qualifications(), []);
    assert.equal(emu.requests[0]!.httpStatus, 0);
    assert.equal(emu.requests[0]!.fault, "reset-before-read");
  });

  it("reset-after-read drops the connection although the qualification was filed", async () => {
    const emu = await start();
    emu.injectFault({ kind: "reset-after-read" });
    await assert.rejects(call(emu, "ApplySignatureIdent", validInputs()), /socket hang up|ECONNRESET/);
    assert.deepEqual(
      emu.qualifications().map((q) => q.id),
      [DEFAULT_FIRST_ID],
    );
  });

  it("hang never answers, and close() still ends promptly", async () => {
    const emu = await start();
    emu.injectFault({ kind: "hang" });
    const pending = call(emu, "ApplySignatureIdent", validInputs());
    const outcome = await Promise.race([
      pending.then(
        () => "answered",
        () => "failed",
      ),
      new Promise((r) => setTimeout(() => r("waiting"), 300)),
    ]);
    assert.equal(outcome, "waiting");
    const closing = Date.now();
    await emu.close();
    assert.ok(Date.now() - closing < 2000, "close() waited for the hung request");
    await assert.rejects(pending);
  });

  it("non-json answers HTTP 200 with an HTML page", async () => {
    const emu = await start();
    emu.injectFault({ kind: "non-json" });
    const response = await rawRequest(emu.endpoint, "/?Action=GetSignatureIdentList&Version=2021-01-11", {
      body: "{}",
    });
    assert.equal(response.status, 200);
    assert.match(String(response.headers["content-type"]), /text\/html/);
    assert.throws(() => JSON.parse(response.text));
  });

  it("truncated files the qualification, announces the full length and sends half of it", async () => {
    const emu = await start();
    emu.injectFault({ kind: "truncated" });
    const body = stringifyLossless(validInputs()) ?? "";
    const query = "Action=ApplySignatureIdent&Version=2021-01-11";
    const headers = {
      ...signedHeadersFor(emu, query, body, {}),
      "content-length": String(Buffer.byteLength(body)),
      connection: "close",
    };
    const { port } = new URL(emu.endpoint);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      const chunks: Buffer[] = [];
      socket.on("data", (chunk) => chunks.push(chunk));
      socket.on("error", reject);
      socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
      const head = Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join("");
      socket.write(`POST /?${query} HTTP/1.1\r\n${head}\r\n${body}`);
    });
    const [head = "", received = ""] = raw.split("\r\n\r\n");
    const announced = Number(/content-length: (\d+)/i.exec(head)?.[1]);
    assert.ok(announced > 0);
    assert.equal(Buffer.byteLength(received), Math.floor(announced / 2));
    assert.deepEqual(
      emu.qualifications().map((q) => q.id),
      [DEFAULT_FIRST_ID],
    );
  });

  it("rejects a malformed fault description", async () => {
    const emu = await start();
    assert.throws(() => emu.injectFault({ kind: "http-error", status: 418 } as never), /invalid fault/);
    assert.throws(() => emu.injectFault({ kind: "explode" } as never), /invalid fault/);
  });

  it("exposes approve, qualifications and faults over unsigned admin endpoints, which are not recorded", async () => {
    const emu = await start();
    const id = await apply(emu);
    const admin = (method: string, path: string, body?: string) =>
      rawRequest(emu.endpoint, `/__emulator/${path}`, { method, body });

    assert.deepEqual(JSON.parse((await admin("GET", "qualifications")).text), [
      {
        id,
        status: "pending",
        materialName: validInputs().materialName,
        effectSignatures: validInputs().effectSignatures,
      },
    ]);
    assert.equal((await admin("POST", `approve?id=${id}`)).status, 200);
    assert.equal((await admin("POST", "approve?id=42")).status, 404);
    assert.deepEqual(await listedIds(emu), [id]);

    assert.equal((await admin("POST", "faults", '{"kind":"throttle","times":"Infinity"}')).status, 200);
    assert.equal((await admin("POST", "faults", '{"kind":"nope"}')).status, 400);
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 429);
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 429);
    assert.equal((await admin("DELETE", "faults")).status, 200);
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 200);

    assert.ok(
      emu.requests.every((r) => r.action !== ""),
      "an admin request was recorded",
    );
    assert.equal(emu.requests.length, 5);
  });
});
