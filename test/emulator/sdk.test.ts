import assert from "node:assert/strict";
import { SmsService } from "@volcengine/openapi/lib/services/sms";
import type { RunningEmulator } from "../../emulator";
import { type Envelope, parseExact, TWO_POW_53, useEmulators } from "../support/emulator-client";
import { validInputs } from "../support/fixtures/qualification";

describe("emulator: the vendor's Node SDK (@volcengine/openapi)", () => {
  const start = useEmulators();

  // The SDK hard-codes host sms.volcengineapi.com and https; setHost and protocol point it here.
  // Raw response text is kept (transformResponse) so the int64 id can be checked exactly.
  // By default (signHost false) the SDK signs x-content-sha256;x-date and no Host header.
  function sdk(emu: RunningEmulator, { signHost = false }: { signHost?: boolean } = {}) {
    const { host } = new URL(emu.endpoint);
    // serviceName only satisfies the SDK's typings; SmsService sets "volcSMS" itself.
    const service = new SmsService({
      accessKeyId: emu.accessKey,
      secretKey: emu.secretKey,
      region: emu.region,
      protocol: "http:",
      serviceName: "volcSMS",
    });
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
    const client = sdk(emu);
    const applied = await client.apply(validInputs());
    assert.match(applied, /"Result":\{"id":9007199254740993\}/);
    const id = BigInt(/"id":(\d+)/.exec(applied)?.[1] ?? "0");
    assert.ok(id > TWO_POW_53);

    assert.doesNotMatch(await client.list({ pageIndex: 1, pageSize: 10 }), /9007199254740993/);
    emu.approve(id.toString());
    const listed = await client.list({ pageIndex: 1, pageSize: 10 });
    assert.match(listed, /"list":\[\{"id":9007199254740993,"purpose":1,"materialName":"示例科技短信资质"/);
    assert.match(listed, /"total":1/);
  });

  it("is accepted with its default signing (no host), InvalidAuthorization only when host is required", async () => {
    const emu = await start();
    const accepted = parseExact(await sdk(emu).list({ pageIndex: 1, pageSize: 10 })) as Envelope;
    assert.equal(accepted.ResponseMetadata.Error, undefined);
    assert.deepEqual(accepted.Result, { list: [], total: 0 });

    const strict = await start({ requiredSignedHeaders: ["host", "x-date", "x-content-sha256"] });
    const refused = parseExact(await sdk(strict).list({ pageIndex: 1, pageSize: 10 })) as Envelope;
    assert.equal(refused.ResponseMetadata.Error?.Code, "InvalidAuthorization");
    // Only host is missing: the SDK's default signing covers x-date and x-content-sha256.
    assert.equal(refused.ResponseMetadata.Error?.Message, "SignedHeaders must include host.");
    const hostSigned = parseExact(
      await sdk(strict, { signHost: true }).list({ pageIndex: 1, pageSize: 10 }),
    ) as Envelope;
    assert.equal(hostSigned.ResponseMetadata.Error, undefined);
    assert.deepEqual(hostSigned.Result, { list: [], total: 0 });
  });
});
