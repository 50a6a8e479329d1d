import assert from "node:assert/strict";
import { Signer } from "@volcengine/openapi";
import {
  apply,
  call,
  type Envelope,
  errorCode,
  parseExact,
  rawRequest,
  signedHeadersFor,
  useEmulators,
} from "../support/emulator-client";

const LIST_QUERY = "Action=GetSignatureIdentList&Version=2021-01-11";

describe("emulator: GetSignatureIdentList as GET with a JSON body (the vendor's Go, Java and PHP SDKs)", () => {
  const start = useEmulators();

  it("answers a signed GET with a JSON body exactly as the POST, approved qualifications only", async () => {
    const emu = await start();
    const approved = await apply(emu);
    await apply(emu);
    emu.approve(approved);
    const body = { ids: [BigInt(approved)], pageIndex: 1, pageSize: 10 };
    const get = await call(emu, "GetSignatureIdentList", body, { method: "GET" });
    assert.equal(get.status, 200, get.text);
    assert.equal(errorCode(get), undefined, get.text);
    assert.match(get.text, new RegExp(`"list":\\[\\{"id":${approved},`));
    assert.deepEqual(get.json.Result, (await call(emu, "GetSignatureIdentList", body)).json.Result);
    assert.equal(get.json.Result.total, 1);
  });

  it("covers the body hash for GET: a changed body, or a POST signature sent as GET, does not verify", async () => {
    const emu = await start();
    const changed = await call(
      emu,
      "GetSignatureIdentList",
      { pageIndex: 1, pageSize: 10 },
      {
        method: "GET",
        bodySent: '{"pageIndex":1,"pageSize":11}',
      },
    );
    assert.equal(changed.status, 401);
    assert.equal(errorCode(changed), "SignatureDoesNotMatch");

    const body = '{"pageIndex":1,"pageSize":10}';
    const headers = signedHeadersFor(emu, LIST_QUERY, body, {});
    const signedAsPost = await rawRequest(emu.endpoint, `/?${LIST_QUERY}`, { method: "GET", headers, body });
    assert.equal(signedAsPost.status, 401, signedAsPost.text);
    assert.match(signedAsPost.text, /"Code":"SignatureDoesNotMatch"/);
  });

  it("still answers InvalidActionOrVersion for GET of any other action", async () => {
    const emu = await start();
    const bind = { id: 1, signatures: ["a"], subAccount: "s" };
    const get = await call(emu, "BatchBindSignatureIdent", bind, { method: "GET" });
    assert.equal(get.status, 404);
    assert.equal(errorCode(get), "InvalidActionOrVersion");
  });

  it("accepts GET with a JSON body signed by the vendor's @volcengine/openapi Signer", async () => {
    const emu = await start();
    const id = await apply(emu);
    emu.approve(id);
    const body = `{"ids":[${id}],"pageIndex":1,"pageSize":10}`;
    const sign = (method: string) => {
      const request = {
        region: emu.region,
        method,
        params: { Action: "GetSignatureIdentList", Version: "2021-01-11" },
        headers: { "Content-Type": "application/json; charset=UTF-8" } as Record<string, string>,
        body,
      };
      new Signer(request, "volcSMS").addAuthorization({ accessKeyId: emu.accessKey, secretKey: emu.secretKey });
      return request.headers;
    };
    const response = await rawRequest(emu.endpoint, `/?${LIST_QUERY}`, { method: "GET", headers: sign("GET"), body });
    assert.equal(response.status, 200, response.text);
    const envelope = parseExact(response.text) as Envelope;
    assert.equal(envelope.ResponseMetadata.Error, undefined);
    assert.equal(String(envelope.Result.list[0].id), id);
    assert.match(sign("GET").Authorization!, /SignedHeaders=x-content-sha256;x-date,/, "the SDK signed the body hash");

    const crossed = await rawRequest(emu.endpoint, `/?${LIST_QUERY}`, { method: "GET", headers: sign("POST"), body });
    assert.equal(crossed.status, 401, "a signature for POST does not verify a GET");
  });
});
