import assert from "node:assert/strict";
import { SmsService } from "@volcengine/openapi/lib/services/sms";
import type { RunningEmulator } from "../../emulator";
import {
  apply,
  callQuery,
  errorCode,
  parseExact,
  rawRequest,
  signedHeadersFor,
  useEmulators,
} from "../support/emulator-client";

/** The vendor's npm SDK, pointed at the emulator; raw answers kept so int64 ids stay exact. */
function sdk(emu: RunningEmulator) {
  const service = new SmsService({
    accessKeyId: emu.accessKey,
    secretKey: emu.secretKey,
    region: emu.region,
    protocol: "http:",
    serviceName: "volcSMS",
  });
  service.setHost(new URL(emu.endpoint).host);
  const raw = { transformResponse: [(data: string) => data] } as never;
  return {
    identList: async (query: object) => parseExact(String(await service.GetSignatureIdentList(query as never, raw))),
    signatureList: async (query: object) =>
      parseExact(String(await service.GetSignatureAndOrderList(query as never, raw))),
  };
}

describe("emulator: signed GET with the parameters in the query, as the vendor's SDKs send lists", () => {
  const start = useEmulators();

  it("takes the npm SDK's GetSignatureIdentList (GET, query, no body hash signed), ids as repeated keys", async () => {
    const emu = await start();
    const first = await apply(emu);
    const second = await apply(emu);
    emu.approve(first);
    emu.approve(second);
    const answer = (await sdk(emu).identList({ ids: [first], pageIndex: 1, pageSize: 10 })) as any;
    assert.equal(answer.ResponseMetadata.Error, undefined, JSON.stringify(answer.ResponseMetadata));
    assert.deepEqual(
      answer.Result.list.map((item: { id: bigint }) => String(item.id)),
      [first],
    );
  });

  it("takes the npm SDK's own GetSignatureAndOrderList (Version 2021-01-11, the SDK's)", async () => {
    const emu = await start();
    const answer = (await sdk(emu).signatureList({ signature: "示例", pageIndex: 1, pageSize: 10 })) as any;
    assert.equal(answer.ResponseMetadata.Error, undefined, JSON.stringify(answer.ResponseMetadata));
    assert.deepEqual(answer.Result, { list: [], total: 0 });
  });

  it("verifies the query it signs: a parameter changed after signing is SignatureDoesNotMatch", async () => {
    const emu = await start();
    const signed = await callQuery(emu, "GetSignatureAndOrderList", { pageIndex: 1, pageSize: 10 });
    assert.equal(errorCode(signed), undefined, signed.text);
    const query = "Action=GetSignatureAndOrderList&Version=2025-01-01&pageIndex=1&pageSize=10";
    const headers = signedHeadersFor(emu, query, "", { method: "GET", signedHeaders: ["host", "x-date"] });
    const sent = `/?${query.replace("pageSize=10", "pageSize=99")}`;
    const tampered = await rawRequest(emu.endpoint, sent, { method: "GET", headers });
    assert.equal(JSON.parse(tampered.text).ResponseMetadata.Error.Code, "SignatureDoesNotMatch");
  });

  it("reads integers from the query as numbers and refuses what is not one, naming the parameter", async () => {
    const emu = await start();
    const refused = await callQuery(emu, "GetSignatureAndOrderList", { pageIndex: "one", pageSize: 10 });
    assert.equal(errorCode(refused), "1001");
    assert.match(refused.json.ResponseMetadata.Error?.Message ?? "", /pageIndex must be an integer/);
    const tooBig = await callQuery(emu, "GetSignatureAndOrderList", { pageIndex: 1, pageSize: 101 });
    assert.match(tooBig.json.ResponseMetadata.Error?.Message ?? "", /pageSize must be between 1 and 100/);
  });
});
