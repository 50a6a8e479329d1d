import assert from "node:assert/strict";
import { canonicalHeaders } from "../../provider/signing/canonical-headers";
import { canonicalQuery, uriEncode } from "../../provider/signing/canonical-query";
import { EMPTY_BODY_SHA256, formatXDate, sha256Hex, signRequest } from "../../provider/signing/signer";
import golden from "../../provider/signing/test-vectors.json";

function xDateToDate(xDate: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(xDate)!;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

describe("signing: the vendor's published vectors", () => {
  for (const v of golden.vectors) {
    it(v.name, () => {
      const signed = signRequest(
        {
          method: v.method,
          host: v.host,
          query: v.query as Record<string, string>,
          body: v.body,
          signContentHash: v.signContentHash,
        },
        { credentials: golden.credentials, region: v.region, service: v.service, now: () => xDateToDate(v.xDate) },
      );
      assert.equal(signed.signature, v.signature);
      assert.equal(signed.headers["X-Date"], v.xDate);
      assert.equal(
        signed.headers.Authorization,
        `HMAC-SHA256 Credential=${golden.credentials.accessKey}/${v.xDate.slice(0, 8)}/${v.region}/` +
          `${v.service}/request, ` +
          `SignedHeaders=${v.signedHeaders}, Signature=${v.signature}`,
      );
      if (v.contentSha256) assert.equal(signed.headers["X-Content-Sha256"], v.contentSha256);
    });
  }
});

describe("signing: canonical query", () => {
  it("sorts keys and RFC 3986-encodes keys and values (space is %20, reserved marks escaped)", () => {
    assert.equal(canonicalQuery({ b: "x y", a: "1", "c*": "!'()~._-" }), "a=1&b=x%20y&c%2A=%21%27%28%29~._-");
  });
  it("encodes UTF-8 and keeps repeated keys in value order", () => {
    assert.equal(canonicalQuery({ name: "资质", k: ["b", "a"] }), "k=a&k=b&name=%E8%B5%84%E8%B4%A8");
    assert.equal(uriEncode("a+b/c"), "a%2Bb%2Fc");
  });
  it("is empty for no parameters", () => assert.equal(canonicalQuery({}), ""));
});

describe("signing: canonical headers", () => {
  it("lower-cases names, trims and folds values, sorts by name, ends with a newline", () => {
    const c = canonicalHeaders({ "X-Date": " 20240101T000000Z ", Host: "sms.volcengineapi.com", "X-Custom": "a   b" });
    assert.equal(c.block, "host:sms.volcengineapi.com\nx-custom:a b\nx-date:20240101T000000Z\n");
    assert.equal(c.signedHeaders, "host;x-custom;x-date");
  });
  it("refuses a header given twice under different cases", () => {
    assert.throws(() => canonicalHeaders({ Host: "a", host: "b" }), /given twice/);
  });
});

describe("signing: request headers", () => {
  const options = {
    credentials: golden.credentials,
    region: "cn-north-1",
    service: "volcSMS",
    now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  };
  it("formats X-Date in UTC without separators", () => {
    assert.equal(formatXDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678))), "20260102T030405Z");
  });
  it("hashes the exact body bytes, and the empty body to the well-known digest", () => {
    assert.equal(sha256Hex(""), EMPTY_BODY_SHA256);
    const body = Buffer.from('{"materialName":"资质"}');
    const signed = signRequest({ method: "POST", host: "h", query: {}, body }, options);
    assert.equal(signed.headers["X-Content-Sha256"], sha256Hex(body));
  });
  it("signs X-Security-Token when a session token is used", () => {
    const signed = signRequest(
      { method: "POST", host: "h", query: {}, body: "" },
      { ...options, credentials: { ...golden.credentials, sessionToken: "STS-token" } },
    );
    assert.equal(signed.headers["X-Security-Token"], "STS-token");
    assert.match(signed.headers.Authorization!, /SignedHeaders=host;x-content-sha256;x-date;x-security-token,/);
  });
  it("changes the signature when the body changes by one byte", () => {
    const a = signRequest({ method: "POST", host: "h", query: {}, body: "{}" }, options).signature;
    const b = signRequest({ method: "POST", host: "h", query: {}, body: "{ }" }, options).signature;
    assert.notEqual(a, b);
  });
});
