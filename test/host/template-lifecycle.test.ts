/**
 * SmsTemplate through Pulumi's own provider host against the emulator: waiting for its signatures, filing once,
 * settling an unknown outcome by name and content, per-signature reviews, binding signatures in place, and the
 * replacement everything else is.
 */
import assert from "node:assert/strict";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { HostError, type Props, ProviderHost, serializeProvider } from "../../harness/provider-host";
import { apply, call } from "../support/emulator-client";
import { propertyOf } from "../support/failures";
import { marketingTemplateInputs, validTemplateInputs } from "../support/fixtures/template";
import { emulatorConfig } from "../support/peers";
import { templateProvider } from "../support/providers";
import { REPO_ROOT } from "../support/repo-root";

describe("SmsTemplate through Pulumi's provider host", () => {
  let emulator: RunningEmulator;
  let host: ProviderHost;
  let providerText: string;

  before(async () => {
    providerText = await serializeProvider(templateProvider);
  });
  beforeEach(async () => {
    emulator = await startEmulator({ approvalDelayMs: null });
    host = await ProviderHost.start({ cwd: REPO_ROOT });
    await host.configure(emulatorConfig(emulator));
  });
  afterEach(async () => {
    await host?.stop();
    await emulator?.close();
  });

  const withProvider = (inputs: Props) => ({ ...inputs, __provider: providerText });
  const inputs = (overrides: Props = {}) => withProvider(validTemplateInputs(overrides));
  const sent = (action: string) => emulator.requests.filter((request) => request.action === action).length;

  /** Signatures of these contents on an approved qualification, approved unless `reviewing`. */
  async function signatures(contents: string[], { reviewing = false } = {}): Promise<void> {
    const qualification = await apply(emulator);
    emulator.approve(qualification);
    for (const content of contents) {
      const body = { content, source: 1, purpose: 1, signatureIdentificationID: BigInt(qualification) };
      await call(emulator, "ApplySmsSignatureV2", body, { version: "2025-01-01" });
      if (!reviewing) emulator.approveSignature(content);
    }
  }

  it("checks before a person does: variables and params one to one, the code, the opt-out, no 【】", async () => {
    const check = async (given: Props) => (await host.check({}, withProvider(given))).failures;
    assert.deepEqual(await check(validTemplateInputs()), []);
    assert.deepEqual(await check(marketingTemplateInputs()), []);
    const failures = [
      ...(await check(validTemplateInputs({ templateParams: [] }))),
      ...(await check(validTemplateInputs({ content: "您的登录验证码已发送。", templateParams: [] }))),
      ...(await check(marketingTemplateInputs({ content: "会员日全场八折" }))),
      ...(await check(validTemplateInputs({ shortUrlConfig: { isEnabled: true } }))),
      ...(await check(validTemplateInputs({ content: "【示例科技】您的验证码是${code}" }))),
      ...(await check(
        validTemplateInputs({
          templateParams: [
            { name: "code", paramType: 1 },
            { name: "x", paramType: 1 },
          ],
        }),
      )),
    ].map((failure) => failure.reason);
    const expected = [
      /^templateParams: has no entry for \$\{code\} of the content/,
      /^content: is a verification-code template \(CN_OTP\) without the code/,
      /^content: is a marketing template \(CN_MKT\): it must end with 拒收请回复R/,
      /^shortUrlConfig: is only for marketing templates \(CN_MKT\)/,
      /^content: must not contain 【 or 】/,
      /^templateParams\[1\]\.name: is not a variable of the content \(变量名\)/,
    ];
    for (const pattern of expected)
      assert.ok(
        failures.some((reason) => pattern.test(reason)),
        `${pattern} in ${failures}`,
      );
    assert.equal(failures.length, expected.length, failures.join("\n"));
  });

  it("waits while a signature is not approved: nothing filed, a line naming it; a change in each preview", async () => {
    await signatures(["示例科技"], { reviewing: true });
    const created = await host.create(inputs());
    assert.match(created.id, /^waiting-/);
    assert.deepEqual(
      [created.properties.status, created.properties.waitingFor],
      ["waiting-for-signatures", ["示例科技"]],
    );
    assert.equal(sent("ApplySmsTemplateV2SDK"), 0);
    await host.waitForStderr(/SmsTemplate "登录验证码" is not filed yet: signature "示例科技" reviewing/);
    const diff = await host.diff(created.id, created.properties, inputs());
    assert.deepEqual([diff.changes, diff.replaces], ["some", ["signatures"]]);
    emulator.approveSignature("示例科技");
    await host.read(created.id, created.properties);
    await host.waitForStderr(/its signatures are approved now: the next pulumi up files it/);
    const filed = await host.create(inputs());
    assert.match(filed.id, /^S1T_/);
  });

  it("refuses a rejected signature, naming it", async () => {
    await signatures(["示例科技"], { reviewing: true });
    emulator.rejectSignature("示例科技", "签名不符");
    await assert.rejects(host.create(inputs()), (error: unknown) => {
      return (
        error instanceof HostError &&
        /SignatureNotUsable.*signature "示例科技" is rejected \(签名不符\)/.test(error.message)
      );
    });
  });

  it("a refresh while waiting reports a signature's rejection without failing; nothing is filed", async () => {
    await signatures(["示例科技"], { reviewing: true });
    const created = await host.create(inputs());
    emulator.rejectSignature("示例科技", "签名不符");
    const refreshed = await host.read(created.id, created.properties);
    assert.equal(refreshed.id, created.id);
    assert.deepEqual(
      [refreshed.properties.status, refreshed.properties.waitingFor],
      ["waiting-for-signatures", ["示例科技"]],
    );
    await host.waitForStderr(/signature "示例科技" is rejected \(签名不符\).*Next: fix the signature/);
    assert.equal(sent("ApplySmsTemplateV2SDK"), 0);
  });

  it("files once with approved signatures: the S1T id, one reviewing S2T per signature", async () => {
    await signatures(["示例科技", "示例二"]);
    const created = await host.create(inputs({ signatures: ["示例科技", "示例二"] }));
    assert.match(created.id, /^S1T_/);
    const seconds = created.properties.secondTemplates as Props[];
    assert.deepEqual(
      seconds.map((s) => [s.signature, s.reviewStatus, s.usable]),
      [
        ["示例科技", "reviewing", false],
        ["示例二", "reviewing", false],
      ],
    );
    assert.deepEqual(created.properties.sendWith, {});
    assert.equal(sent("ApplySmsTemplateV2SDK"), 1);
  });

  it("takes the template an earlier run filed (same name, content, kind, signatures), filing nothing", async () => {
    await signatures(["示例科技"]);
    await host.create(inputs());
    const again = await host.create(inputs());
    await host.waitForStderr(/took S1T_\d+, already on the account with this name, content, kind and signatures/);
    assert.equal(emulator.templates().length, 1);
    assert.equal(sent("ApplySmsTemplateV2SDK"), 1);
    assert.match(again.id, /^S1T_/);
  });

  it("after a lost answer takes the template it filed, by name and content: one template", async () => {
    await signatures(["示例科技"]);
    emulator.injectFault({ action: "ApplySmsTemplateV2SDK", kind: "reset-after-read" });
    const created = await host.create(inputs());
    assert.match(created.id, /^S1T_/);
    await host.waitForStderr(/the answer to the filing was lost .*took S1T_\d+, which it filed/);
    assert.equal(emulator.templates().length, 1);
  });

  it("refresh: each signature's review, with its reason; sendWith holds the approved ones", async () => {
    await signatures(["示例科技", "示例二"]);
    const created = await host.create(inputs({ signatures: ["示例科技", "示例二"] }));
    const [first, second] = created.properties.secondTemplates as Props[];
    emulator.approveSecondTemplate(String(first?.secondTemplateId));
    emulator.rejectSecondTemplate(String(second?.secondTemplateId), "变量需说明");
    const read = await host.read(created.id, created.properties);
    assert.deepEqual(read.properties.sendWith, { 示例科技: first?.secondTemplateId });
    await host.waitForStderr(/with signature "示例科技" \(S2T_\d+\): reviewing → approved\. Next: SMS can be sent/);
    await host.waitForStderr(/with signature "示例二" \(S2T_\d+\): reviewing → rejected: 变量需说明/);
  });

  it("adds signatures in place (BindSignaturesSDK); removing one or any other change is a replacement", async () => {
    await signatures(["示例科技", "示例二"]);
    const created = await host.create(inputs());
    const added = inputs({ signatures: ["示例科技", "示例二"] });
    const diff = await host.diff(created.id, created.properties, added);
    assert.deepEqual([diff.changes, diff.replaces], ["some", []]);
    await host.waitForStderr(/is updated in place: signatures 示例二 are added/);
    const updated = await host.update(created.id, created.properties, added);
    assert.equal((updated.secondTemplates as Props[]).length, 2);
    assert.equal(sent("BindSignaturesSDK"), 1);
    assert.deepEqual((await host.diff(created.id, updated, inputs())).replaces, ["signatures"]);
    assert.deepEqual((await host.diff(created.id, updated, inputs({ ...added, name: "新名" }))).replaces, ["name"]);
    await host.waitForStderr(/is replaced \(a new template, a new review per signature/);
  });

  it("a new order of signatures is no change; a replacement the account could not tell apart is refused", async () => {
    await signatures(["示例科技", "示例二"]);
    const created = await host.create(inputs({ signatures: ["示例科技", "示例二"] }));
    const reordered = await host.diff(created.id, created.properties, inputs({ signatures: ["示例二", "示例科技"] }));
    assert.equal(reordered.changes, "none");
    const descOnly = inputs({ signatures: ["示例科技", "示例二"], desc: "另一个说明" });
    const refused = await host.diff(created.id, created.properties, descOnly).catch((error: unknown) => error);
    assert.ok(refused instanceof HostError);
    assert.match(refused.message, /ReplacementLooksTheSame.*replaced for desc.*give the template a new name/);
    const renamed = await host.diff(created.id, created.properties, { ...descOnly, name: "登录验证码二" });
    assert.deepEqual(renamed.replaces.sort(), ["desc", "name"]);
    const replacement = await host.create({ ...descOnly, name: "登录验证码二" });
    assert.notEqual(replacement.id, created.id, "a new template, not the old one taken back");
    assert.equal(sent("ApplySmsTemplateV2SDK"), 2);
  });

  it("destroy leaves the template on the account, saying so and where to remove it", async () => {
    await signatures(["示例科技"]);
    const created = await host.create(inputs());
    const before = emulator.requests.length;
    await host.delete(created.id, created.properties);
    assert.equal(emulator.requests.length, before, "no delete action exists for V2 templates");
    await host.waitForStderr(/stays on the Volcengine account: the SMS API has no delete for V2 templates/);
    assert.equal(emulator.templates().length, 1);
  });

  it("names failures at resource level, the path in the reason", async () => {
    const { failures } = await host.check({}, inputs({ signatures: [] }));
    assert.deepEqual(
      failures.map((failure) => [failure.property, propertyOf(failure)]),
      [["", "signatures"]],
    );
  });
});
