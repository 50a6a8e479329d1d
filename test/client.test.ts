import assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type RunningEmulator } from "../emulator";
import { APPLY_SIGNATURE_IDENT } from "../provider/api/apply-signature-ident";
import { GET_SIGNATURE_IDENT_LIST } from "../provider/api/get-signature-ident-list";
import { SMS_SERVICE } from "../provider/api/sms";
import { SignedJsonClient, type SignedJsonClientOptions } from "../provider/http/client";
import { VolcengineError } from "../provider/errors";
import { integerToId, parseJson, stringifyJson } from "../provider/http/json";
import { DEFAULT_RETRY_POLICY } from "../provider/http/retry";
import { HostError, ProviderHost, serializeProvider } from "../harness/provider-host";
import { signatureIdentProvider } from "../provider/dynamic-provider";
import { validInputs } from "./support/fixtures";
import * as path from "node:path";

/** A loopback server that answers every request with what the test says. */
async function serve(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<{ url: URL; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    req.on("end", () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    hits: () => hits,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function client(endpoint: URL, overrides: Partial<SignedJsonClientOptions> = {}): SignedJsonClient {
  return new SignedJsonClient({
    endpoint, region: "cn-north-1", service: SMS_SERVICE, credentials: { accessKey: "AKLTEMULATORLOCALACCESSKEY", secretKey: "EmulatorLocalSecretKeyNotASecret" },
    timeoutMs: 2000, connectTimeoutMs: 2000, retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 }, ...overrides,
  });
}

const envelope = (result: string) => `{"ResponseMetadata":{"RequestId":"REQ-1","Action":"ApplySignatureIdent","Version":"2021-01-11","Service":"volcSMS","Region":"cn-north-1"},"Result":${result}}`;

async function failure(promise: Promise<unknown>): Promise<VolcengineError> {
  const error = await promise.then(() => assert.fail("expected a failure"), (e) => e);
  assert.ok(error instanceof VolcengineError, String(error));
  return error;
}

describe("client: the vendor's answers, good and bad, over loopback", () => {
  let emulator: RunningEmulator;
  before(async () => (emulator = await startEmulator({ approvalDelayMs: null })));
  after(() => emulator.close());

  it("signs so the emulator accepts it, and keeps an id above 2^53 exact", async () => {
    const sms = client(new URL(emulator.endpoint));
    const { result, requestId, httpStatus } = await sms.call({ ...APPLY_SIGNATURE_IDENT, body: JSON.stringify(validInputs()), repeatable: false });
    assert.equal(httpStatus, 200);
    assert.equal(requestId, emulator.requests.at(-1)!.requestId);
    assert.equal(integerToId(result.id), "9007199254740993");
    await sms.close();
  });

  it("an Error envelope with HTTP 200 is a failure carrying code, message and RequestId", async () => {
    const server = await serve((_, res) => res.end('{"ResponseMetadata":{"RequestId":"REQ-9","Error":{"Code":"1023","CodeN":1023,"Message":"no permission"}}}'));
    const error = await failure(client(server.url).call({ ...APPLY_SIGNATURE_IDENT, body: "{}", repeatable: false }));
    assert.equal(error.code, "1023");
    assert.equal(error.httpStatus, 200);
    assert.equal(error.requestId, "REQ-9");
    assert.equal(error.kind, "vendor");
    assert.match(error.message, /no permission.*What to do: this account has no permission/);
    await server.close();
  });

  it("an Error with only CodeN still gives a code", async () => {
    const server = await serve((_, res) => res.end('{"ResponseMetadata":{"RequestId":"R","Error":{"CodeN":1001,"Message":"参数错误"}}}'));
    assert.equal((await failure(client(server.url).call({ ...APPLY_SIGNATURE_IDENT, body: "{}", repeatable: false }))).code, "1001");
    await server.close();
  });

  const BAD: Array<[string, (res: http.ServerResponse) => void, RegExp]> = [
    ["a missing Result", (res) => res.end('{"ResponseMetadata":{"RequestId":"R2"}}'), /\(InvalidResponse, HTTP 200, RequestId R2\): the answer has no Result/],
    ["a non-JSON body", (res) => res.end("<html>bad gateway</html>"), /\(InvalidResponse, HTTP 200\): the answer is not JSON \(24 characters, starting "<html>bad gateway<\/html>"\)/],
    ["an error status without an Error envelope", (res) => { res.statusCode = 502; res.end('{"ResponseMetadata":{"RequestId":"R3"}}'); }, /\(HTTP502, HTTP 502, RequestId R3\)/],
    ["an oversize body (11 MB)", (res) => res.end(Buffer.alloc(11 * 1024 * 1024, 0x20)), /\(ResponseTooLarge, HTTP 200\): the answer exceeds 10485760 bytes/],
  ];
  for (const [what, answer, expected] of BAD) {
    it(`${what} is a clear error, not a crash`, async () => {
      const server = await serve((_, res) => answer(res));
      const error = await failure(client(server.url).call({ ...GET_SIGNATURE_IDENT_LIST, body: "{}", repeatable: true }));
      assert.match(error.message, expected);
      await server.close();
    });
  }

  it("ApplySignatureIdent after an ambiguous failure is not repeated and says it may have been filed", async () => {
    const server = await serve((_, res) => { res.statusCode = 503; res.end('{"ResponseMetadata":{"RequestId":"R4","Error":{"Code":"ServiceUnavailableTemp","Message":"busy"}}}'); });
    const sms = client(server.url, { retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 5, baseDelayMs: 1 } });
    const error = await failure(sms.call({ ...APPLY_SIGNATURE_IDENT, body: "{}", repeatable: false, ifAmbiguous: "look in the console" }));
    assert.equal(server.hits(), 1);
    assert.equal(error.mayHaveBeenFiled, true);
    assert.match(error.message, /busy; the request reached Volcengine, so it may have been carried out, and it was not repeated\. What to do: look in the console/);
    await server.close();
  });

  it("a throttled ApplySignatureIdent is retried, honouring an HTTP-date Retry-After", async () => {
    let calls = 0;
    const server = await serve((_, res) => {
      if (++calls === 1) {
        res.statusCode = 429;
        res.setHeader("Retry-After", new Date(Date.now() + 1500).toUTCString());
        res.end('{"ResponseMetadata":{"RequestId":"R5","Error":{"Code":"FlowLimitExceeded","Message":"slow down"}}}');
      } else res.end(envelope('{"id":9007199254740993}'));
    });
    const retries: number[] = [];
    const sms = client(server.url, { retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, baseDelayMs: 1 }, retryHooks: { onRetry: (n) => retries.push(n.delayMs) } });
    const { result } = await sms.call({ ...APPLY_SIGNATURE_IDENT, body: "{}", repeatable: false });
    assert.equal(integerToId(result.id), "9007199254740993");
    assert.equal(server.hits(), 2);
    assert.ok(retries[0] >= 500, `waited ${retries[0]} ms for Retry-After`);
    await server.close();
  });
});

describe("create when the answer's Result.id is not an integer", () => {
  it("fails through the provider host saying the qualification was probably filed, with the RequestId", async () => {
    const server = await serve((_, res) => res.end(envelope('{"id":"not-a-number"}')));
    const host = await ProviderHost.start({ cwd: path.resolve(__dirname, "..") });
    try {
      await host.configure({ "volcengine:accessKey": "AKLTEMULATORLOCALACCESSKEY", "volcengine:secretKey": "s3cret-key", "volcengine:smsEndpoint": server.url.href });
      const error: HostError = await host.create({ ...validInputs(), __provider: await serializeProvider(signatureIdentProvider) }).then(() => assert.fail("created"), (e) => e);
      assert.match(error.message, /ApplySignatureIdent failed \(InvalidResponse, HTTP 200, RequestId REQ-1\): the answer's Result\.id is not an integer, so the qualification was probably filed/);
      assert.match(error.message, /look in the Volcengine console/);
      assert.equal(server.hits(), 1);
    } finally {
      await host.stop();
      await server.close();
    }
  });
});

describe("json: int64 ids stay exact", () => {
  it("parses integers above 2^53 exactly and writes them back as bare number tokens", () => {
    const parsed = parseJson('{"id":9007199254740993,"small":7,"ratio":1.5}') as any;
    assert.equal(integerToId(parsed.id), "9007199254740993");
    assert.equal(parsed.small, 7);
    assert.equal(parsed.ratio, 1.5);
    assert.equal(stringifyJson({ ids: [BigInt("9223372036854775807")] }), '{"ids":[9223372036854775807]}');
  });
  it("accepts an id quoted as a decimal string, and refuses fractions, negatives and words", () => {
    assert.equal(integerToId("00042"), "42");
    for (const bad of [1.5, -3, "abc", "", null, "1e3"]) assert.equal(integerToId(bad), undefined, String(bad));
  });
});
