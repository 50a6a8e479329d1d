import assert from "node:assert/strict";
import { stringify as stringifyLossless } from "lossless-json";
import { type VerificationPolicy, verifySignature } from "../../emulator/verify-signature";
import {
  call,
  type Envelope,
  errorCode,
  parseExact,
  rawRequest,
  sha256Hex,
  signedHeadersFor,
  useEmulators,
  xDateOf,
} from "../support/emulator-client";
import { validInputs } from "../support/fixtures/qualification";

describe("emulator: request signing", () => {
  const start = useEmulators();

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
    const signedFor = stringifyLossless(validInputs()) ?? "";
    const tampered = signedFor.replace(validInputs().materialName, "篡改资质");
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
    const response = await rawRequest(emu.endpoint, "/?Action=GetSignatureIdentList&Version=2021-01-11", {
      headers,
      body: changed,
    });
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

  it("answers InvalidCredential (400) for a region or service it does not accept; echoes an accepted one", async () => {
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

  it("insists by default that x-date and x-content-sha256 are signed, but not host", async () => {
    const emu = await start();
    const withoutHost = await call(emu, "GetSignatureIdentList", {}, { signedHeaders: ["x-content-sha256", "x-date"] });
    assert.equal(withoutHost.status, 200, withoutHost.text);
    const withoutDate = await call(emu, "GetSignatureIdentList", {}, { signedHeaders: ["host", "x-content-sha256"] });
    assert.equal(withoutDate.status, 400);
    assert.equal(errorCode(withoutDate), "InvalidAuthorization");
    assert.match(withoutDate.json.ResponseMetadata.Error?.Message ?? "", /x-date/);
    const withoutBodyHash = await call(emu, "GetSignatureIdentList", {}, { signedHeaders: ["host", "x-date"] });
    assert.equal(withoutBodyHash.status, 400);
    assert.equal(errorCode(withoutBodyHash), "InvalidAuthorization");
    assert.match(withoutBodyHash.json.ResponseMetadata.Error?.Message ?? "", /x-content-sha256/);
  });

  it("insists that host is signed too when requiredSignedHeaders lists it", async () => {
    const strict = await start({ requiredSignedHeaders: ["host", "x-date", "x-content-sha256"] });
    const response = await call(strict, "GetSignatureIdentList", {}, { signedHeaders: ["x-content-sha256", "x-date"] });
    assert.equal(response.status, 400);
    assert.equal(errorCode(response), "InvalidAuthorization");
    assert.match(response.json.ResponseMetadata.Error?.Message ?? "", /host/);
    const withHost = await call(
      strict,
      "GetSignatureIdentList",
      {},
      { signedHeaders: ["host", "x-content-sha256", "x-date"] },
    );
    assert.equal(withHost.status, 200, withHost.text);
  });

  it(
    "verifies host whenever SignedHeaders lists it: signed for another Host than the one sent is " +
      "SignatureDoesNotMatch (401)",
    async () => {
      const emu = await start();
      const query = "Action=GetSignatureIdentList&Version=2021-01-11";
      const body = JSON.stringify({ pageIndex: 1, pageSize: 10 });
      const headers = signedHeadersFor(emu, query, body, { host: "sms.volcengineapi.com" });
      assert.match(headers.authorization!, /SignedHeaders=host;x-content-sha256;x-date,/);
      const asSigned = await rawRequest(emu.endpoint, `/?${query}`, { headers, body });
      assert.equal(asSigned.status, 200, asSigned.text);
      const otherHost = await rawRequest(emu.endpoint, `/?${query}`, {
        headers: { ...headers, host: new URL(emu.endpoint).host },
        body,
      });
      assert.equal(otherHost.status, 401);
      assert.equal((parseExact(otherHost.text) as Envelope).ResponseMetadata.Error?.Code, "SignatureDoesNotMatch");
    },
  );

  it("insists that x-security-token is signed whenever it is sent", async () => {
    const emu = await start();
    const token = { "x-security-token": "STSsessiontoken" };
    const unsigned = await call(emu, "GetSignatureIdentList", {}, { extraHeaders: token });
    assert.equal(unsigned.status, 400);
    assert.equal(errorCode(unsigned), "InvalidAuthorization");
    assert.match(unsigned.json.ResponseMetadata.Error?.Message ?? "", /x-security-token/);
    const signed = await call(
      emu,
      "GetSignatureIdentList",
      {},
      { extraHeaders: token, signedHeaders: ["x-content-sha256", "x-date", "x-security-token"] },
    );
    assert.equal(signed.status, 200, signed.text);
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
        authorization:
          `HMAC-SHA256 Credential=${AK}/20240619/cn-beijing/iam/request, SignedHeaders=host;x-date, ` +
          `Signature=${signature}`,
      },
      body: Buffer.alloc(0),
    });
    const v2Headers = {
      Host: "sms.volcengineapi.com",
      "Content-Type": "application/json; charset=UTF-8",
      "X-Date": "20240617T125659Z",
      "X-Content-Sha256": V2_BODY_HASH,
      Authorization:
        `HMAC-SHA256 Credential=${AK}/20240617/cn-beijing/volcSMS/request, ` +
        `SignedHeaders=host;x-content-sha256;x-date, Signature=${V2_SIGNATURE}`,
    };

    it("V1 (IAM ListUsers, GET) verifies, and fails with one digit of the signature changed", () => {
      const verdict = verifySignature(
        v1Request(V1_SIGNATURE),
        policy("iam", "2024-06-19T07:13:06Z", ["host", "x-date"]),
      );
      assert.deepEqual(verdict, { ok: true, accessKey: AK, region: "cn-beijing" });
      const altered = verifySignature(
        v1Request(V1_SIGNATURE.replace(/^e/, "f")),
        policy("iam", "2024-06-19T07:13:06Z", ["host", "x-date"]),
      );
      assert.equal(altered.ok, false);
      assert.equal(altered.ok === false && altered.code, "SignatureDoesNotMatch");
    });

    it("V2 (GetSignatureIdentList) verifies as a function call", () => {
      const lower = Object.fromEntries(Object.entries(v2Headers).map(([k, v]) => [k.toLowerCase(), v]));
      const verdict = verifySignature(
        {
          method: "POST",
          path: "/",
          rawQuery: "Action=GetSignatureIdentList&Version=2021-01-11",
          headers: lower,
          body: Buffer.from(V2_BODY),
        },
        policy("volcSMS", "2024-06-17T12:56:59Z", ["host", "x-date", "x-content-sha256"]),
      );
      assert.equal(verdict.ok, true);
    });

    it("V2 over HTTP is answered 200 when the emulator's clock is at its X-Date, 403 20 minutes later", async () => {
      let clock = new Date("2024-06-17T12:56:59Z");
      const emu = await start({
        credentials: [{ accessKey: AK, secretKey: SK }],
        regions: ["cn-beijing"],
        now: () => clock,
      });
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
