import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { apply, call, callQuery, errorCode, useEmulators } from "../support/emulator-client";

const V2 = { version: "2025-01-01" };

/** A qualification and the approved signatures of the given contents. */
async function approvedSignatures(emu: RunningEmulator, ...contents: string[]): Promise<void> {
  const qualification = await apply(emu);
  emu.approve(qualification);
  for (const content of contents) {
    const body = { content, source: 1, purpose: 1, signatureIdentificationID: BigInt(qualification) };
    assert.equal(errorCode(await call(emu, "ApplySmsSignatureV2", body, V2)), undefined);
    emu.approveSignature(content);
  }
}

const template = (overrides: Record<string, unknown> = {}) => ({
  name: "登录验证码",
  content: "您的验证码是${code}，5分钟内有效。",
  channelType: "CN_OTP",
  signatures: ["示例科技"],
  templateParams: [{ name: "code", paramType: 1 }],
  ...overrides,
});
const message = (response: { json: any }) => String(response.json.ResponseMetadata.Error?.Message ?? "");

describe("emulator: templates of the V2 system (ApplySmsTemplateV2SDK, BindSignaturesSDK, both lists)", () => {
  const start = useEmulators();

  it("files a template with a second-level template per signature, each under review", async () => {
    const emu = await start();
    await approvedSignatures(emu, "示例科技", "示例二");
    const filed = await call(emu, "ApplySmsTemplateV2SDK", template({ signatures: ["示例科技", "示例二"] }));
    assert.equal(errorCode(filed), undefined, filed.text);
    const { templateId, secondTemplates } = filed.json.Result;
    assert.match(templateId, /^S1T_\d+$/);
    assert.deepEqual(
      secondTemplates.map((s: { signature: string }) => s.signature),
      ["示例科技", "示例二"],
    );
    assert.ok(secondTemplates.every((s: { secondTemplateId: string }) => /^S2T_\d+$/.test(s.secondTemplateId)));
    const seconds = await callQuery(emu, "ListSecondTemplate", { templateId, page: 1, pageSize: 10 });
    assert.deepEqual(
      seconds.json.Result.list.map((s: { reviewStatus: number }) => s.reviewStatus),
      [1, 1],
    );
  });

  it("refuses a signature that is not approved, and shortUrlConfig outside CN_MKT, saying which", async () => {
    const emu = await start();
    await approvedSignatures(emu, "示例科技");
    const unapproved = await call(emu, "ApplySmsTemplateV2SDK", template({ signatures: ["示例科技", "没有的签名"] }));
    assert.equal(errorCode(unapproved), "1001");
    assert.match(message(unapproved), /signatures\[1\] is not an approved signature of this account/);
    const shortUrl = await call(emu, "ApplySmsTemplateV2SDK", template({ shortUrlConfig: { isEnabled: true } }));
    assert.match(message(shortUrl), /shortUrlConfig is only for CN_MKT templates/);
    assert.deepEqual(emu.templates(), []);
  });

  it("reviews each second-level template on its own; the template's status follows them", async () => {
    const emu = await start();
    await approvedSignatures(emu, "示例科技", "示例二");
    const filed = await call(emu, "ApplySmsTemplateV2SDK", template({ signatures: ["示例科技", "示例二"] }));
    const [first, second] = filed.json.Result.secondTemplates;
    const status = async () =>
      (await callQuery(emu, "ListSmsTemplateV2SDK", { templateId: filed.json.Result.templateId })).json.Result.list[0]
        .status;
    emu.approveSecondTemplate(first.secondTemplateId);
    assert.equal(await status(), 1);
    emu.rejectSecondTemplate(second.secondTemplateId, "变量内容需说明");
    assert.equal(await status(), 2);
    const rejected = await callQuery(emu, "ListSecondTemplate", { statusList: [2], page: 1, pageSize: 10 });
    assert.deepEqual(
      rejected.json.Result.list.map((s: { signature: string; reason: string }) => [s.signature, s.reason]),
      [["示例二", "变量内容需说明"]],
    );
  });

  it("binds only signatures not bound yet, each an approved one", async () => {
    const emu = await start();
    await approvedSignatures(emu, "示例科技", "示例二");
    const { templateId } = (await call(emu, "ApplySmsTemplateV2SDK", template())).json.Result;
    const bound = await call(emu, "BindSignaturesSDK", { templateId, signatures: ["示例科技", "示例二"] });
    assert.deepEqual(
      bound.json.Result.secondTemplates.map((s: { signature: string }) => s.signature),
      ["示例二"],
    );
    assert.equal(
      errorCode(await call(emu, "BindSignaturesSDK", { templateId: "S1T_0", signatures: ["示例二"] })),
      "1001",
    );
    assert.deepEqual(emu.templates()[0]?.signatures, ["示例科技", "示例二"]);
  });

  it("lists templates by a part of the name or content and by signature, and pages", async () => {
    const emu = await start();
    await approvedSignatures(emu, "示例科技", "示例二");
    await call(emu, "ApplySmsTemplateV2SDK", template());
    await call(emu, "ApplySmsTemplateV2SDK", template({ name: "注册验证码", signatures: ["示例二"] }));
    const names = async (params: Record<string, string | number>) =>
      (await callQuery(emu, "ListSmsTemplateV2SDK", { page: 1, pageSize: 10, ...params })).json.Result.list.map(
        (t: { name: string }) => t.name,
      );
    assert.deepEqual(await names({ name: "验证码" }), ["登录验证码", "注册验证码"]);
    assert.deepEqual(await names({ signature: "示例二" }), ["注册验证码"]);
    assert.deepEqual(await names({ name: "登录", content: "5分钟" }), ["登录验证码"]);
    const page = (await callQuery(emu, "ListSmsTemplateV2SDK", { page: 2, pageSize: 1 })).json.Result;
    assert.deepEqual([page.total, page.list.length], [2, 1]);
  });

  it("carries out an ApplySmsTemplateV2SDK whose answer is withheld, and counts templates against 1027", async () => {
    const emu = await start({ dailyCreationLimit: 1 });
    await approvedSignatures(emu, "示例科技");
    emu.injectFault({ action: "ApplySmsTemplateV2SDK", kind: "withhold-answer" });
    const answered = await Promise.race([
      call(emu, "ApplySmsTemplateV2SDK", template()).then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 500)),
    ]);
    assert.equal(answered, false);
    assert.equal(emu.templates().length, 1);
    assert.equal(errorCode(await call(emu, "ApplySmsTemplateV2SDK", template({ name: "第二个" }))), "1027");
  });
});
