import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http, { type IncomingHttpHeaders } from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isInteger, isSafeNumber, parse as parseLossless, stringify as stringifyLossless } from "lossless-json";
import { SmsService } from "@volcengine/openapi/lib/services/sms";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../emulator";
import { verifySignature, type VerificationPolicy } from "../emulator/verify-signature";

// ---------------------------------------------------------------------------------------------
// Test client. The signer below is written again from the vendor docs (not imported from the
// emulator), so a bug in the emulator's verifier cannot make both sides agree.
// ---------------------------------------------------------------------------------------------

const TWO_POW_53 = 9007199254740992n;
const FIRST_ID = "9007199254740993";

interface Envelope {
  ResponseMetadata: {
    RequestId: string;
    Action: string;
    Version: string;
    Service: string;
    Region: string;
    Error?: { Code: string; CodeN?: number; Message: string };
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  Result?: any;
}

interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: Envelope;
}

interface SignOptions {
  accessKey?: string;
  secretKey?: string;
  region?: string;
  service?: string;
  xDate?: string;
  host?: string;
  signedHeaders?: string[];
  omitAuthorization?: boolean;
}

interface CallOptions extends SignOptions {
  version?: string;
  /** Sent instead of the signed body, with the headers signed for the original one. */
  bodySent?: string;
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function xDateOf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function signedHeadersFor(emu: RunningEmulator, query: string, body: string, o: SignOptions): Record<string, string> {
  const xDate = o.xDate ?? xDateOf(new Date());
  const region = o.region ?? emu.region;
  const service = o.service ?? "volcSMS";
  const headers: Record<string, string> = {
    host: o.host ?? new URL(emu.endpoint).host,
    "x-date": xDate,
    "x-content-sha256": sha256Hex(body),
    "content-type": "application/json; charset=UTF-8",
  };
  const signed = [...(o.signedHeaders ?? ["host", "x-content-sha256", "x-date"])].sort();
  const canonicalQuery = [...new URLSearchParams(query)]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join("&");
  const canonical = ["POST", "/", canonicalQuery, signed.map((h) => `${h}:${headers[h].trim()}\n`).join(""), signed.join(";"), headers["x-content-sha256"]].join("\n");
  const scope = `${xDate.slice(0, 8)}/${region}/${service}/request`;
  const stringToSign = ["HMAC-SHA256", xDate, scope, sha256Hex(canonical)].join("\n");
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const kSigning = hmac(hmac(hmac(hmac(o.secretKey ?? emu.secretKey, xDate.slice(0, 8)), region), service), "request");
  if (!o.omitAuthorization) {
    headers.authorization = `HMAC-SHA256 Credential=${o.accessKey ?? emu.accessKey}/${scope}, SignedHeaders=${signed.join(";")}, Signature=${hmac(kSigning, stringToSign).toString("hex")}`;
  }
  return headers;
}

/** Numbers a JS number holds exactly become numbers, larger integers bigint. */
function parseExact(text: string): unknown {
  return parseLossless(text, null, (token) => (isInteger(token) && !isSafeNumber(token) ? BigInt(token) : Number(token)));
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

function rawRequest(endpoint: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${endpoint}${path}`, { method: init.method ?? "POST", headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

async function call(emu: RunningEmulator, action: string, body: unknown, o: CallOptions = {}): Promise<ApiResponse> {
  const query = `Action=${action}&Version=${o.version ?? "2021-01-11"}`;
  const text = typeof body === "string" ? body : (stringifyLossless(body) ?? "");
  const headers = signedHeadersFor(emu, query, text, o);
  const response = await rawRequest(emu.endpoint, `/?${query}`, { headers, body: o.bodySent ?? text });
  return { ...response, json: parseExact(response.text) as Envelope };
}

/** A client whose X-Date follows the given clock (the emulator's injected one). */
function clientAt(emu: RunningEmulator, clock: () => Date) {
  return (action: string, body: unknown, o: CallOptions = {}) => call(emu, action, body, { xDate: xDateOf(clock()), ...o });
}

function errorCode(response: ApiResponse): string | undefined {
  return response.json.ResponseMetadata.Error?.Code;
}

// Distinctive personal values, so a leak into a message, a log line or the state file is visible.
const OPERATOR_ID_CARD = "110101199003071234";
const OPERATOR_MOBILE = "13800138001";
const RESPONSIBLE_ID_CARD = "110101198512125678";
const RESPONSIBLE_MOBILE = "13900139002";
const IMAGE_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const PERSONAL_VALUES = [OPERATOR_ID_CARD, OPERATOR_MOBILE, RESPONSIBLE_ID_CARD, RESPONSIBLE_MOBILE, IMAGE_BASE64];

function image(fileType: number) {
  return { fileType, fileContent: `data:image/png;base64,${IMAGE_BASE64}`, fileSuffix: "png", fileUrl: "" };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validApplyBody(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    materialName: "测试资质",
    purpose: 1,
    businessInfo: {
      businessCertificateType: 1,
      businessCertificate: image(1),
      businessCertificateName: "Example Tech Co., Ltd.",
      unifiedSocialCreditIdentifier: "91110000000000000X",
      businessCertificateValidityPeriodStart: "2020-01-01",
      businessCertificateValidityPeriodEnd: "2099-12-31",
      legalPersonName: "Li Lei",
    },
    operatorPerson: {
      certificateType: 0,
      personCertificate: [image(8), image(9)],
      personName: "Han Meimei",
      personIDCard: OPERATOR_ID_CARD,
      personMobile: OPERATOR_MOBILE,
    },
    responsiblePersonInfo: {
      certificateType: 0,
      personCertificate: [image(10), image(11)],
      personName: "Zhang San",
      personIDCard: RESPONSIBLE_ID_CARD,
      personMobile: RESPONSIBLE_MOBILE,
    },
    ...overrides,
  };
}

const running: RunningEmulator[] = [];

async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emu = await startEmulator({ approvalDelayMs: null, ...options });
  running.push(emu);
  return emu;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((emu) => emu.close()));
});

async function apply(emu: RunningEmulator, o: CallOptions = {}): Promise<string> {
  const response = await call(emu, "ApplySignatureIdent", validApplyBody(), o);
  assert.equal(response.status, 200, response.text);
  assert.equal(errorCode(response), undefined, response.text);
  const match = /"id":(\d+)/.exec(response.text);
  assert.ok(match, `no bare id token in ${response.text}`);
  return match[1];
}

async function listedIds(emu: RunningEmulator, o: CallOptions = {}): Promise<string[]> {
  const response = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 100 }, o);
  assert.equal(errorCode(response), undefined, response.text);
  return (response.json.Result.list as { id: number | bigint }[]).map((item) => String(item.id));
}

// ---------------------------------------------------------------------------------------------

describe("emulator: request signing", () => {
  it("accepts a request signed with the documented algorithm and answers in the vendor envelope", async () => {
    const emu = await start();
    const response = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    assert.equal(response.status, 200);
    assert.match(String(response.headers["content-type"]), /application\/json/);
    assert.deepEqual(response.json.Result, { list: [], total: 0 });
    const meta = response.json.ResponseMetadata;
    assert.equal(meta.Action, "GetSignatureIdentList");
    assert.equal(meta.Version, "2021-01-11");
    assert.equal(meta.Service, "volcSMS");
    assert.equal(meta.Region, "cn-north-1");
    assert.match(meta.RequestId, /^[0-9A-F]{20,}$/);
    const again = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    assert.notEqual(again.json.ResponseMetadata.RequestId, meta.RequestId);
  });

  it("answers MissingSignature (401) when there is no Authorization header", async () => {
    const emu = await start();
    const response = await call(emu, "GetSignatureIdentList", {}, { omitAuthorization: true });
    assert.equal(response.status, 401);
    assert.equal(errorCode(response), "MissingSignature");
    assert.equal(response.json.Result, undefined);
  });

  it("answers InvalidAuthorization (400) for a malformed Authorization header", async () => {
    const emu = await start();
    const response = await rawRequest(emu.endpoint, "/?Action=GetSignatureIdentList&Version=2021-01-11", {
      headers: { Authorization: "Bearer abc", "X-Date": xDateOf(new Date()) },
      body: "{}",
    });
    assert.equal(response.status, 400);
    assert.equal((parseExact(response.text) as Envelope).ResponseMetadata.Error?.Code, "InvalidAuthorization");
  });

  it("rejects a tampered body sent with the original headers, and files nothing", async () => {
    const emu = await start();
    const signedFor = stringifyLossless(validApplyBody()) ?? "";
    const tampered = signedFor.replace("测试资质", "篡改资质");
    const response = await call(emu, "ApplySignatureIdent", signedFor, { bodySent: tampered });
    assert.equal(response.status, 401);
    assert.equal(errorCode(response), "SignatureDoesNotMatch");
    assert.deepEqual(emu.qualifications(), []);
  });

  it("rejects a changed body whose X-Content-Sha256 was updated but not re-signed", async () => {
    const emu = await start();
    const original = JSON.stringify({ pageIndex: 1, pageSize: 10 });
    const changed = JSON.stringify({ pageIndex: 2, pageSize: 10 });
    const headers = signedHeadersFor(emu, "Action=GetSignatureIdentList&Version=2021-01-11", original, {});
    headers["x-content-sha256"] = sha256Hex(changed);
    const response = await rawRequest(emu.endpoint, "/?Action=GetSignatureIdentList&Version=2021-01-11", { headers, body: changed });
    assert.equal(response.status, 401);
    assert.equal((parseExact(response.text) as Envelope).ResponseMetadata.Error?.Code, "SignatureDoesNotMatch");
  });

  it("answers SignatureDoesNotMatch (401) for the wrong secret key", async () => {
    const emu = await start();
    const response = await call(emu, "GetSignatureIdentList", {}, { secretKey: `${emu.secretKey}x` });
    assert.equal(response.status, 401);
    assert.equal(errorCode(response), "SignatureDoesNotMatch");
  });

  it("answers InvalidAccessKey (401) for an access key it does not know", async () => {
    const emu = await start();
    const response = await call(emu, "GetSignatureIdentList", {}, { accessKey: "AKLTunknown" });
    assert.equal(response.status, 401);
    assert.equal(errorCode(response), "InvalidAccessKey");
  });

  it("answers InvalidTimestamp (403) for an X-Date 20 minutes old but accepts one 10 minutes old", async () => {
    const emu = await start();
    const stale = await call(emu, "GetSignatureIdentList", {}, { xDate: xDateOf(new Date(Date.now() - 20 * 60_000)) });
    assert.equal(stale.status, 403);
    assert.equal(errorCode(stale), "InvalidTimestamp");
    const skewed = await call(emu, "GetSignatureIdentList", {}, { xDate: xDateOf(new Date(Date.now() - 10 * 60_000)) });
    assert.equal(skewed.status, 200, skewed.text);
  });

  it("answers InvalidCredential (400) for a region or service it does not accept, and echoes an accepted region", async () => {
    const emu = await start({ regions: ["cn-north-1", "cn-beijing"] });
    const region = await call(emu, "GetSignatureIdentList", {}, { region: "ap-southeast-1" });
    assert.equal(region.status, 400);
    assert.equal(errorCode(region), "InvalidCredential");
    const service = await call(emu, "GetSignatureIdentList", {}, { service: "iam" });
    assert.equal(errorCode(service), "InvalidCredential");
    const beijing = await call(emu, "GetSignatureIdentList", {}, { region: "cn-beijing" });
    assert.equal(beijing.status, 200);
    assert.equal(beijing.json.ResponseMetadata.Region, "cn-beijing");
  });

  it("insists that host, x-date and x-content-sha256 are signed, unless configured otherwise", async () => {
    const strict = await start();
    const response = await call(strict, "GetSignatureIdentList", {}, { signedHeaders: ["x-content-sha256", "x-date"] });
    assert.equal(response.status, 400);
    assert.equal(errorCode(response), "InvalidAuthorization");
    assert.match(response.json.ResponseMetadata.Error?.Message ?? "", /host/);

    const relaxed = await start({ requiredSignedHeaders: ["x-date", "x-content-sha256"] });
    const accepted = await call(relaxed, "GetSignatureIdentList", {}, { signedHeaders: ["x-content-sha256", "x-date"] });
    assert.equal(accepted.status, 200, accepted.text);
  });

  describe("the vendor's test vectors", () => {
    const AK = "AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg";
    const SK = "WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==";
    const V1_SIGNATURE = "e31c4558bcfe08a286001f59cedbf0791ffd0b2362f10e55ee2627467bcdde93";
    const V2_BODY = '{"ids":[779],"pageIndex":1,"pageSize":10}';
    const V2_BODY_HASH = "c71f1bc2f674728a24bf414cf61097fc2ab5213eb2f7035619523f18345421e6";
    const V2_SIGNATURE = "526af76d3a08cefc578fd65b7a2cf9ea8241d24a5524bb9d847f8641f68cb673";

    const policy = (service: string, now: string, requiredSignedHeaders: string[]): VerificationPolicy => ({
      service,
      regions: ["cn-beijing"],
      secretKeyFor: (accessKey) => (accessKey === AK ? SK : undefined),
      now: new Date(now),
      requiredSignedHeaders,
    });
    const v1Request = (signature: string) => ({
      method: "GET",
      path: "/",
      rawQuery: "Action=ListUsers&Version=2018-01-01&Limit=10&Offset=0",
      headers: {
        host: "iam.volcengineapi.com",
        "x-date": "20240619T071306Z",
        authorization: `HMAC-SHA256 Credential=${AK}/20240619/cn-beijing/iam/request, SignedHeaders=host;x-date, Signature=${signature}`,
      },
      body: Buffer.alloc(0),
    });
    const v2Headers = {
      Host: "sms.volcengineapi.com",
      "Content-Type": "application/json; charset=UTF-8",
      "X-Date": "20240617T125659Z",
      "X-Content-Sha256": V2_BODY_HASH,
      Authorization: `HMAC-SHA256 Credential=${AK}/20240617/cn-beijing/volcSMS/request, SignedHeaders=host;x-content-sha256;x-date, Signature=${V2_SIGNATURE}`,
    };

    it("V1 (IAM ListUsers, GET) verifies, and fails with one digit of the signature changed", () => {
      const verdict = verifySignature(v1Request(V1_SIGNATURE), policy("iam", "2024-06-19T07:13:06Z", ["host", "x-date"]));
      assert.deepEqual(verdict, { ok: true, accessKey: AK, region: "cn-beijing" });
      const altered = verifySignature(v1Request(V1_SIGNATURE.replace(/^e/, "f")), policy("iam", "2024-06-19T07:13:06Z", ["host", "x-date"]));
      assert.equal(altered.ok, false);
      assert.equal(altered.ok === false && altered.code, "SignatureDoesNotMatch");
    });

    it("V2 (GetSignatureIdentList) verifies as a function call", () => {
      const lower = Object.fromEntries(Object.entries(v2Headers).map(([k, v]) => [k.toLowerCase(), v]));
      const verdict = verifySignature(
        { method: "POST", path: "/", rawQuery: "Action=GetSignatureIdentList&Version=2021-01-11", headers: lower, body: Buffer.from(V2_BODY) },
        policy("volcSMS", "2024-06-17T12:56:59Z", ["host", "x-date", "x-content-sha256"]),
      );
      assert.equal(verdict.ok, true);
    });

    it("V2 sent over HTTP is answered 200 when the emulator's clock is at its X-Date, and 403 20 minutes later", async () => {
      let clock = new Date("2024-06-17T12:56:59Z");
      const emu = await start({ credentials: [{ accessKey: AK, secretKey: SK }], regions: ["cn-beijing"], now: () => clock });
      const path = "/?Action=GetSignatureIdentList&Version=2021-01-11";
      const ok = await rawRequest(emu.endpoint, path, { headers: v2Headers, body: V2_BODY });
      assert.equal(ok.status, 200, ok.text);
      const envelope = parseExact(ok.text) as Envelope;
      assert.deepEqual(envelope.Result, { list: [], total: 0 });
      assert.equal(envelope.ResponseMetadata.Region, "cn-beijing");

      clock = new Date(clock.getTime() + 20 * 60_000);
      const late = await rawRequest(emu.endpoint, path, { headers: v2Headers, body: V2_BODY });
      assert.equal(late.status, 403);
    });
  });
});

describe("emulator: the vendor's Node SDK (@volcengine/openapi)", () => {
  // The SDK hard-codes host sms.volcengineapi.com and https; setHost and protocol point it here.
  // Raw response text is kept (transformResponse) so the int64 id can be checked exactly.
  function sdk(emu: RunningEmulator, { signHost }: { signHost: boolean }) {
    const { host } = new URL(emu.endpoint);
    const service = new SmsService({ accessKeyId: emu.accessKey, secretKey: emu.secretKey, region: emu.region, protocol: "http:" });
    service.setHost(host);
    const params = { transformResponse: [(data: string) => data], ...(signHost ? { headers: { Host: host } } : {}) };
    // The SDK's own GetSignatureIdentList is a GET with the body in the query; the docs say POST+JSON.
    const list = service.createJSONAPI("GetSignatureIdentList", { Version: "2021-01-11" });
    return {
      apply: async (body: object) => String(await service.ApplySignatureIdent(body as never, params as never)),
      list: async (body: object) => String(await list(body, params as never)),
    };
  }

  it("files a qualification whose id (> 2^53) is exact in the raw answer, and lists it once approved", async () => {
    const emu = await start();
    const client = sdk(emu, { signHost: true });
    const applied = await client.apply(validApplyBody());
    assert.match(applied, /"Result":\{"id":9007199254740993\}/);
    const id = BigInt(/"id":(\d+)/.exec(applied)?.[1] ?? "0");
    assert.ok(id > TWO_POW_53);

    assert.doesNotMatch(await client.list({ pageIndex: 1, pageSize: 10 }), /9007199254740993/);
    emu.approve(id.toString());
    const listed = await client.list({ pageIndex: 1, pageSize: 10 });
    assert.match(listed, /"list":\[\{"id":9007199254740993,"purpose":1,"materialName":"测试资质"/);
    assert.match(listed, /"total":1/);
  });

  it("is refused with InvalidAuthorization when it does not sign host (its default), accepted when host is not required", async () => {
    const strict = await start();
    const refused = parseExact(await sdk(strict, { signHost: false }).list({ pageIndex: 1, pageSize: 10 })) as Envelope;
    assert.equal(refused.ResponseMetadata.Error?.Code, "InvalidAuthorization");

    const relaxed = await start({ requiredSignedHeaders: ["x-date", "x-content-sha256"] });
    const accepted = parseExact(await sdk(relaxed, { signHost: false }).list({ pageIndex: 1, pageSize: 10 })) as Envelope;
    assert.equal(accepted.ResponseMetadata.Error, undefined);
    assert.deepEqual(accepted.Result, { list: [], total: 0 });
  });
});

describe("emulator: body validation", () => {
  it("answers 1001 naming operatorPerson.personMobile when it is missing, without repeating personal values", async () => {
    const lines: string[] = [];
    const emu = await start({ log: (line) => lines.push(line) });
    const body = validApplyBody();
    delete body.operatorPerson.personMobile;
    const response = await call(emu, "ApplySignatureIdent", body);
    assert.equal(response.status, 200);
    assert.deepEqual(response.json.ResponseMetadata.Error, {
      Code: "1001",
      CodeN: 1001,
      Message: "参数错误: operatorPerson.personMobile is required",
    });
    assert.equal(response.json.Result, undefined);
    assert.equal(lines.length, 1);
    for (const value of PERSONAL_VALUES) {
      assert.ok(!response.text.includes(value), "the answer repeats a personal value");
      assert.ok(!lines[0].includes(value), "the log line repeats a personal value");
    }
    assert.deepEqual(emu.qualifications(), []);
  });

  const cases: Array<[string, (body: ReturnType<typeof validApplyBody>) => void, RegExp]> = [
    ["materialName longer than 20 characters", (b) => (b.materialName = "资".repeat(21)), /materialName must be at most 20 characters/],
    ["purpose 3", (b) => (b.purpose = 3), /purpose must be 1 or 2/],
    ["purpose 2 without powerOfAttorney", (b) => (b.purpose = 2), /powerOfAttorney is required when purpose is 2/],
    ["a missing businessInfo", (b) => delete b.businessInfo, /businessInfo is required/],
    ["a validity date not YYYY-MM-DD", (b) => (b.businessInfo.businessCertificateValidityPeriodEnd = "2099/12/31"), /businessInfo\.businessCertificateValidityPeriodEnd must be a date/],
    ["an unsupported file suffix", (b) => (b.operatorPerson.personCertificate[1].fileSuffix = "gif"), /operatorPerson\.personCertificate\[1\]\.fileSuffix must be one of jpg, jpeg, png/],
    ["a file with neither content nor URL", (b) => (b.businessInfo.businessCertificate.fileContent = ""), /businessInfo\.businessCertificate needs fileContent or fileUrl/],
    ["a file over 5 MB", (b) => (b.responsiblePersonInfo.personCertificate[0].fileContent = "A".repeat(7_000_000)), /responsiblePersonInfo\.personCertificate\[0\]\.fileContent must be at most 5 MB/],
    ["an empty responsible person ID number", (b) => (b.responsiblePersonInfo.personIDCard = ""), /responsiblePersonInfo\.personIDCard is required/],
    ["a purpose sent as a string", (b) => (b.purpose = "1"), /purpose must be an integer/],
  ];
  for (const [what, change, message] of cases) {
    it(`answers 1001 for ${what}`, async () => {
      const emu = await start();
      const body = validApplyBody();
      change(body);
      const response = await call(emu, "ApplySignatureIdent", body);
      assert.equal(response.status, 200);
      assert.equal(errorCode(response), "1001");
      assert.match(response.json.ResponseMetadata.Error?.Message ?? "", message);
      assert.deepEqual(emu.qualifications(), []);
    });
  }

  it("accepts exactly 20 CJK characters, purpose 2 with a power of attorney, and a fileUrl instead of content", async () => {
    const emu = await start();
    const body = validApplyBody({ materialName: "资".repeat(20), purpose: 2, powerOfAttorney: [image(5)] });
    body.businessInfo.businessCertificate = { fileType: 1, fileContent: "", fileSuffix: "jpg", fileUrl: "https://example.com/licence.jpg" };
    const response = await call(emu, "ApplySignatureIdent", body);
    assert.equal(errorCode(response), undefined, response.text);
  });

  it("answers 1001 for a body that is not JSON", async () => {
    const emu = await start();
    const response = await call(emu, "ApplySignatureIdent", "materialName=x");
    assert.equal(response.status, 200);
    assert.equal(errorCode(response), "1001");
  });

  it("answers 404 InvalidActionOrVersion for an unknown action, a wrong version, or GET", async () => {
    const emu = await start();
    const unknown = await call(emu, "DeleteSignatureIdent", {});
    assert.equal(unknown.status, 404);
    assert.equal(errorCode(unknown), "InvalidActionOrVersion");
    const version = await call(emu, "GetSignatureIdentList", {}, { version: "2020-01-01" });
    assert.equal(version.status, 404);
    assert.equal(errorCode(version), "InvalidActionOrVersion");
    const get = await rawRequest(emu.endpoint, "/?Action=GetSignatureIdentList&Version=2021-01-11", { method: "GET" });
    assert.equal(get.status, 404);
  });

  it("answers 413 with a gateway error for a body over maxBodyBytes", async () => {
    const emu = await start({ maxBodyBytes: 1024 });
    const response = await call(emu, "ApplySignatureIdent", validApplyBody({ materialName: "x".repeat(2000) }));
    assert.equal(response.status, 413);
    assert.equal(errorCode(response), "RequestEntityTooLarge");
    assert.ok(emu.requests[0].bodyBytes > 1024);
  });
});

describe("emulator: ids, review and listing", () => {
  it("hands out ids from 2^53 + 1 upwards as bare number tokens, a new one on every call", async () => {
    const emu = await start();
    const response = await call(emu, "ApplySignatureIdent", validApplyBody());
    assert.equal(response.text.match(/"Result":\{"id":(\d+)\}/)?.[1], FIRST_ID);
    assert.equal(await apply(emu), "9007199254740994");
    assert.deepEqual(
      emu.qualifications().map((q) => [q.id, q.status]),
      [
        [FIRST_ID, "pending"],
        ["9007199254740994", "pending"],
      ],
    );
  });

  it("lists a qualification only once approved; a rejected one never", async () => {
    const emu = await start();
    const approved = await apply(emu);
    const rejected = await apply(emu);
    assert.deepEqual(await listedIds(emu), []);
    emu.approve(approved);
    emu.reject(rejected);
    const response = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    assert.deepEqual(response.json.Result, {
      list: [
        {
          id: BigInt(approved),
          purpose: 1,
          materialName: "测试资质",
          businessCertificateName: "Example Tech Co., Ltd.",
          operatorPersonName: "Han Meimei",
          responsiblePersonName: "Zhang San",
          legalPersonName: "Li Lei",
          effectSignatures: [],
        },
      ],
      total: 1,
    });
  });

  it("approves a pending qualification after approvalDelayMs on the injected clock", async () => {
    let clock = new Date("2030-01-01T00:00:00Z");
    const emu = await start({ approvalDelayMs: 5000, now: () => clock });
    const api = clientAt(emu, () => clock);
    const id = await apply(emu, { xDate: xDateOf(clock) });
    clock = new Date(clock.getTime() + 4999);
    assert.deepEqual(await listedIds(emu, { xDate: xDateOf(clock) }), []);
    clock = new Date(clock.getTime() + 1);
    const listed = await api("GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    assert.deepEqual(
      (listed.json.Result.list as { id: bigint }[]).map((item) => String(item.id)),
      [id],
    );
  });

  it("with approvalDelayMs null keeps a qualification pending however much time passes", async () => {
    let clock = new Date("2030-01-01T00:00:00Z");
    const emu = await start({ approvalDelayMs: null, now: () => clock });
    await apply(emu, { xDate: xDateOf(clock) });
    clock = new Date(clock.getTime() + 365 * 24 * 3600_000);
    assert.deepEqual(await listedIds(emu, { xDate: xDateOf(clock) }), []);
    assert.equal(emu.qualifications()[0].status, "pending");
  });

  it("filters by ids above 2^53 exactly and pages through the approved ones", async () => {
    const emu = await start();
    const first = await apply(emu);
    const second = await apply(emu);
    emu.approve(first);
    emu.approve(second);
    // JSON.parse would turn 9007199254740993 into ...992; the emulator must not.
    const filtered = await call(emu, "GetSignatureIdentList", `{"ids":[${first}],"pageIndex":1,"pageSize":10}`);
    assert.equal(filtered.json.Result.total, 1);
    assert.match(filtered.text, new RegExp(`"id":${first},`));
    const page2 = await call(emu, "GetSignatureIdentList", { pageIndex: 2, pageSize: 1 });
    assert.equal(page2.json.Result.total, 2);
    assert.deepEqual(
      (page2.json.Result.list as { id: bigint }[]).map((item) => String(item.id)),
      [second],
    );
  });

  it("binds signatures with BatchBindSignatureIdent and shows them in the list", async () => {
    const emu = await start();
    const id = await apply(emu);
    const bound = await call(emu, "BatchBindSignatureIdent", `{"id":${id},"signatures":["火山引擎","Volc"],"subAccount":"sub-1"}`);
    assert.deepEqual(bound.json.Result, { msg: "success" });
    emu.approve(id);
    const listed = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    assert.deepEqual(listed.json.Result.list[0].effectSignatures, ["火山引擎", "Volc"]);
    assert.deepEqual(emu.qualifications()[0].effectSignatures, ["火山引擎", "Volc"]);
  });

  it("refuses BatchBindSignatureIdent for an unknown id or more than 100 signatures with 1001", async () => {
    const emu = await start();
    const id = await apply(emu);
    const unknown = await call(emu, "BatchBindSignatureIdent", `{"id":9007199254740999,"signatures":["A"],"subAccount":"s"}`);
    assert.equal(errorCode(unknown), "1001");
    const tooMany = Array.from({ length: 101 }, (_, i) => `sig${i}`);
    const many = await call(emu, "BatchBindSignatureIdent", `{"id":${id},"signatures":${JSON.stringify(tooMany)},"subAccount":"s"}`);
    assert.equal(errorCode(many), "1001");
    assert.match(many.json.ResponseMetadata.Error?.Message ?? "", /signatures/);
  });

  it("updates people while pending, and answers 1005 once the qualification is approved", async () => {
    const emu = await start();
    const id = await apply(emu);
    const person = { certificateType: 0, personCertificate: [], personName: "Wang Wu", personIDCard: OPERATOR_ID_CARD, personMobile: OPERATOR_MOBILE };
    const body = (p: object) => `{"id":${id},"operatorPerson":${JSON.stringify(p)}}`;
    const updated = await call(emu, "UpdateSignatureIdent", body(person));
    assert.deepEqual(updated.json.Result, { msg: "success" });
    emu.approve(id);
    const listed = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    assert.equal(listed.json.Result.list[0].operatorPersonName, "Wang Wu");
    const late = await call(emu, "UpdateSignatureIdent", body({ ...person, personName: "Zhao Liu" }));
    assert.equal(late.status, 200);
    assert.equal(errorCode(late), "1005");
    assert.equal(late.json.ResponseMetadata.Error?.CodeN, 1005);
  });

  it("records every request in order, rejected ones included, with bodies parsed exactly", async () => {
    const emu = await start();
    await call(emu, "GetSignatureIdentList", {}, { omitAuthorization: true });
    await call(emu, "BatchBindSignatureIdent", `{"id":${FIRST_ID},"signatures":["A"],"subAccount":"s"}`);
    assert.deepEqual(
      emu.requests.map((r) => [r.action, r.httpStatus, r.code]),
      [
        ["GetSignatureIdentList", 401, "MissingSignature"],
        ["BatchBindSignatureIdent", 200, "1001"],
      ],
    );
    assert.deepEqual(emu.requests[1].body, { id: BigInt(FIRST_ID), signatures: ["A"], subAccount: "s" });
    assert.equal(emu.requests[1].rawBody.toString(), `{"id":${FIRST_ID},"signatures":["A"],"subAccount":"s"}`);
  });
});

describe("emulator: persistence", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "sms-emulator-"));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it("knows its qualifications after a restart on the same file, which holds no personal data", async () => {
    const dataFile = join(directory, "nested", "state.json");
    const first = await start({ dataFile });
    const id = await apply(first);
    await first.close();

    const fileText = readFileSync(dataFile, "utf8");
    for (const value of PERSONAL_VALUES) assert.ok(!fileText.includes(value), "the state file holds a personal value");
    assert.deepEqual(readdirSync(join(directory, "nested")), ["state.json"], "a temporary file was left behind");

    const second = await start({ dataFile });
    assert.deepEqual(second.qualifications(), [{ id, status: "pending", materialName: "测试资质", effectSignatures: [] }]);
    second.approve(id);
    assert.deepEqual(await listedIds(second), [id]);
    assert.equal(await apply(second), "9007199254740994", "a restarted emulator reused an id");
  });

  it("refuses to start on a file that is not a state file", async () => {
    const dataFile = join(directory, "state.json");
    writeFileSync(dataFile, '{"hello":"world"}');
    await assert.rejects(startEmulator({ dataFile }), /not an emulator state file/);
  });
});

describe("emulator: injected faults", () => {
  const listBody = { pageIndex: 1, pageSize: 10 };

  it("throttles the next N matching requests with 429 FlowLimitExceeded and Retry-After, then answers normally", async () => {
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
    assert.equal((await call(emu, "ApplySignatureIdent", validApplyBody())).status, 429);
    assert.equal((await call(emu, "ApplySignatureIdent", validApplyBody())).status, 200);
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
    const expected = { 500: "InternalError", 502: "FailToConnect", 503: "ServiceUnavailableTemp", 504: "InternalServiceTimeout" } as const;
    for (const [status, code] of Object.entries(expected)) {
      emu.injectFault({ kind: "http-error", status: Number(status) as 500 | 502 | 503 | 504 });
      const response = await call(emu, "ApplySignatureIdent", validApplyBody());
      assert.equal(response.status, Number(status));
      assert.equal(errorCode(response), code);
    }
    assert.deepEqual(emu.qualifications(), [], "an http-error fault filed a qualification");
  });

  it("answers a business-error fault with HTTP 200 and the code, filing nothing", async () => {
    const emu = await start();
    emu.injectFault({ kind: "business-error", code: "1999" });
    const response = await call(emu, "ApplySignatureIdent", validApplyBody());
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
    await assert.rejects(call(emu, "ApplySignatureIdent", validApplyBody()), /socket hang up|ECONNRESET/);
    assert.deepEqual(emu.qualifications(), []);
    assert.equal(emu.requests[0].httpStatus, 0);
    assert.equal(emu.requests[0].fault, "reset-before-read");
  });

  it("reset-after-read drops the connection although the qualification was filed", async () => {
    const emu = await start();
    emu.injectFault({ kind: "reset-after-read" });
    await assert.rejects(call(emu, "ApplySignatureIdent", validApplyBody()), /socket hang up|ECONNRESET/);
    assert.deepEqual(
      emu.qualifications().map((q) => q.id),
      [FIRST_ID],
    );
  });

  it("hang never answers, and close() still ends promptly", async () => {
    const emu = await start();
    emu.injectFault({ kind: "hang" });
    const pending = call(emu, "ApplySignatureIdent", validApplyBody());
    const outcome = await Promise.race([pending.then(() => "answered", () => "failed"), new Promise((r) => setTimeout(() => r("waiting"), 300))]);
    assert.equal(outcome, "waiting");
    const closing = Date.now();
    await emu.close();
    assert.ok(Date.now() - closing < 2000, "close() waited for the hung request");
    await assert.rejects(pending);
  });

  it("non-json answers HTTP 200 with an HTML page", async () => {
    const emu = await start();
    emu.injectFault({ kind: "non-json" });
    const response = await rawRequest(emu.endpoint, "/?Action=GetSignatureIdentList&Version=2021-01-11", { body: "{}" });
    assert.equal(response.status, 200);
    assert.match(String(response.headers["content-type"]), /text\/html/);
    assert.throws(() => JSON.parse(response.text));
  });

  it("truncated files the qualification, announces the full length and sends half of it", async () => {
    const emu = await start();
    emu.injectFault({ kind: "truncated" });
    const body = stringifyLossless(validApplyBody()) ?? "";
    const query = "Action=ApplySignatureIdent&Version=2021-01-11";
    const headers = { ...signedHeadersFor(emu, query, body, {}), "content-length": String(Buffer.byteLength(body)), connection: "close" };
    const { port } = new URL(emu.endpoint);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      const chunks: Buffer[] = [];
      socket.on("data", (chunk) => chunks.push(chunk));
      socket.on("error", reject);
      socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
      const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
      socket.write(`POST /?${query} HTTP/1.1\r\n${head}\r\n${body}`);
    });
    const [head, received] = raw.split("\r\n\r\n");
    const announced = Number(/content-length: (\d+)/i.exec(head)?.[1]);
    assert.ok(announced > 0);
    assert.equal(Buffer.byteLength(received), Math.floor(announced / 2));
    assert.deepEqual(
      emu.qualifications().map((q) => q.id),
      [FIRST_ID],
    );
  });

  it("rejects a malformed fault description", async () => {
    const emu = await start();
    assert.throws(() => emu.injectFault({ kind: "http-error", status: 418 } as never), /invalid fault/);
    assert.throws(() => emu.injectFault({ kind: "explode" } as never), /invalid fault/);
  });

  it("exposes approve, qualifications and faults over the unsigned admin endpoints, which are not recorded", async () => {
    const emu = await start();
    const id = await apply(emu);
    const admin = (method: string, path: string, body?: string) => rawRequest(emu.endpoint, `/__emulator/${path}`, { method, body });

    assert.deepEqual(JSON.parse((await admin("GET", "qualifications")).text), [{ id, status: "pending", materialName: "测试资质", effectSignatures: [] }]);
    assert.equal((await admin("POST", `approve?id=${id}`)).status, 200);
    assert.equal((await admin("POST", "approve?id=42")).status, 404);
    assert.deepEqual(await listedIds(emu), [id]);

    assert.equal((await admin("POST", "faults", '{"kind":"throttle","times":"Infinity"}')).status, 200);
    assert.equal((await admin("POST", "faults", '{"kind":"nope"}')).status, 400);
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 429);
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 429);
    assert.equal((await admin("DELETE", "faults")).status, 200);
    assert.equal((await call(emu, "GetSignatureIdentList", listBody)).status, 200);

    assert.ok(emu.requests.every((r) => r.action !== ""), "an admin request was recorded");
    assert.equal(emu.requests.length, 5);
  });
});
