import assert from "node:assert/strict";
import type * as http from "node:http";
import {
  DEFAULT_EMULATOR_ACCESS_KEY,
  DEFAULT_EMULATOR_SECRET_KEY,
  type RunningEmulator,
  startEmulator,
} from "../../emulator";
import { APPLY_SIGNATURE_IDENT } from "../../provider/api/qualification/apply-signature-ident";
import { GET_SIGNATURE_IDENT_LIST } from "../../provider/api/qualification/get-signature-ident-list";
import { SMS_SERVICE } from "../../provider/api/sms";
import { VolcengineError } from "../../provider/errors";
import { SignedJsonClient, type SignedJsonClientOptions } from "../../provider/http/client";
import { integerToId, parseJson, stringifyJson } from "../../provider/http/json";
import { DEFAULT_RETRY_POLICY } from "../../provider/http/retry";
import { validInputs } from "../support/fixtures/qualification";
import { envelope, serve } from "../support/loopback-server";
import { pattern } from "../support/pattern";

function client(endpoint: URL, overrides: Partial<SignedJsonClientOptions> = {}): SignedJsonClient {
  return new SignedJsonClient({
    endpoint,
    region: "cn-north-1",
    service: SMS_SERVICE,
    credentials: { accessKey: DEFAULT_EMULATOR_ACCESS_KEY, secretKey: DEFAULT_EMULATOR_SECRET_KEY },
    timeoutMs: 2000,
    connectTimeoutMs: 2000,
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<VolcengineError> {
  const error = await promise.then(
    () => assert.fail("expected a failure"),
    (e) => e,
  );
  assert.ok(error instanceof VolcengineError, String(error));
  return error;
}

describe("client: the vendor's answers, good and bad, over loopback", () => {
  let emulator: RunningEmulator;
  before(async () => (emulator = await startEmulator({ approvalDelayMs: null })));
  after(() => emulator.close());

  it("signs so the emulator accepts it, and keeps an id above 2^53 exact", async () => {
    const sms = client(new URL(emulator.endpoint));
    const { result, requestId, httpStatus } = await sms.call({
      ...APPLY_SIGNATURE_IDENT,
      body: JSON.stringify(validInputs()),
      repeatable: false,
    });
    assert.equal(httpStatus, 200);
    assert.equal(requestId, emulator.requests.at(-1)!.requestId);
    assert.equal(integerToId(result.id), "9007199254740993");
    await sms.close();
  });

  it("an Error envelope with HTTP 200 is a failure carrying code, message and RequestId", async () => {
    const server = await serve((_, res) =>
      res.end(
        '{"ResponseMetadata":{"RequestId":"REQ-9","Error":{"Code":"1023","CodeN":1023,"Message":"no permission"}}}',
      ),
    );
    const error = await failure(client(server.url).call({ ...APPLY_SIGNATURE_IDENT, body: "{}", repeatable: false }));
    assert.equal(error.code, "1023");
    assert.equal(error.httpStatus, 200);
    assert.equal(error.requestId, "REQ-9");
    assert.equal(error.kind, "vendor");
    assert.match(error.message, /no permission.*What to do: this account has no permission/);
    await server.close();
  });

  it("an Error with only CodeN still gives a code", async () => {
    const server = await serve((_, res) =>
      res.end('{"ResponseMetadata":{"RequestId":"R","Error":{"CodeN":1001,"Message":"参数错误"}}}'),
    );
    assert.equal(
      (await failure(client(server.url).call({ ...APPLY_SIGNATURE_IDENT, body: "{}", repeatable: false }))).code,
      "1001",
    );
    await server.close();
  });

  const BAD: Array<[string, (res: http.ServerResponse) => void, RegExp]> = [
    [
      "a missing Result",
      (res) => res.end('{"ResponseMetadata":{"RequestId":"R2"}}'),
      /\(InvalidResponse, HTTP 200, RequestId R2\): the answer has no Result/,
    ],
    [
      "a non-JSON body",
      (res) => res.end("<html>bad gateway</html>"),
      /\(InvalidResponse, HTTP 200\): the answer is not JSON \(24 characters, starting "<html>bad gateway<\/html>"\)/,
    ],
    [
      "an error status without an Error envelope",
      (res) => {
        res.statusCode = 502;
        res.end('{"ResponseMetadata":{"RequestId":"R3"}}');
      },
      /\(HTTP502, HTTP 502, RequestId R3\)/,
    ],
    [
      "an oversize body (11 MB)",
      (res) => res.end(Buffer.alloc(11 * 1024 * 1024, 0x20)),
      /\(ResponseTooLarge, HTTP 200\): the answer exceeds 10485760 bytes/,
    ],
  ];
  for (const [what, answer, expected] of BAD) {
    it(`${what} is a clear error, not a crash`, async () => {
      const server = await serve((_, res) => answer(res));
      const error = await failure(
        client(server.url).call({ ...GET_SIGNATURE_IDENT_LIST, body: "{}", repeatable: true }),
      );
      assert.match(error.message, expected);
      await server.close();
    });
  }

  it("ApplySignatureIdent after an ambiguous failure is not repeated and says it may have been filed", async () => {
    const server = await serve((_, res) => {
      res.statusCode = 503;
      res.end('{"ResponseMetadata":{"RequestId":"R4","Error":{"Code":"ServiceUnavailableTemp","Message":"busy"}}}');
    });
    const sms = client(server.url, { retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 5, baseDelayMs: 1 } });
    const error = await failure(
      sms.call({ ...APPLY_SIGNATURE_IDENT, body: "{}", repeatable: false, ifAmbiguous: "look in the console" }),
    );
    assert.equal(server.hits(), 1);
    assert.equal(error.mayHaveBeenFiled, true);
    assert.match(
      error.message,
      pattern(
        /busy; the request reached Volcengine, so it may have been carried out, and it was not repeated\. /,
        /What to do: look in the console/,
      ),
    );
    await server.close();
  });

  it("a throttled ApplySignatureIdent is retried, honouring an HTTP-date Retry-After, reported once", async () => {
    const arrivals: number[] = [];
    const server = await serve((_, res) => {
      if (arrivals.push(Date.now()) === 1) {
        res.statusCode = 429;
        res.setHeader("Retry-After", new Date(Date.now() + 1500).toUTCString());
        res.end('{"ResponseMetadata":{"RequestId":"R5","Error":{"Code":"FlowLimitExceeded","Message":"slow down"}}}');
      } else res.end(envelope('{"id":9007199254740993}'));
    });
    const retries: number[] = [];
    const reported: string[] = [];
    const sms = client(server.url, {
      retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, baseDelayMs: 1 },
      retryHooks: { onRetry: (n) => retries.push(n.delayMs) },
      report: (line) => reported.push(line),
    });
    const { result } = await sms.call({ ...APPLY_SIGNATURE_IDENT, body: "{}", repeatable: false });
    assert.equal(integerToId(result.id), "9007199254740993");
    assert.equal(server.hits(), 2);
    // The date has whole seconds: 1.5 s ahead is at least 0.5 s ahead once truncated.
    assert.ok(arrivals[1]! - arrivals[0]! >= 450, `retried after ${arrivals[1]! - arrivals[0]!} ms`);
    assert.deepEqual(retries, [], "no line per throttled request");
    assert.equal(reported.length, 1);
    assert.match(reported[0]!, /^127\.0\.0\.1:\d+ is throttling requests \(FlowLimitExceeded, HTTP 429\)/);
    await server.close();
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
