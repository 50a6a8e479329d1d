/**
 * The whole onboarding under the real `pulumi` CLI, as the README's session runs it over the days of review: the
 * qualification filed while the signature and the template wait; each `up` filing what an approval made possible;
 * refresh saying what changed; a usable template; an update in place; a replacement; destroy. One stack, in order.
 */
import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { EXAMPLE_PROJECT } from "../support/example-stack";
import { useExampleProject } from "./support/example-project";
import type { PulumiProject } from "./support/pulumi-cli";

const SIGNATURE = "pulumi-nodejs:dynamic/volcengine-sms:SmsSignature";
const TEMPLATE = "pulumi-nodejs:dynamic/volcengine-sms:SmsTemplate";

describe("the onboarding under the real pulumi CLI: qualification → signature → template", () => {
  const stack = useExampleProject("onboarding");
  let emulator: RunningEmulator;
  let project: PulumiProject;
  before(() => {
    ({ emulator, project } = stack);
  });

  const filings = (action: string) =>
    emulator.requests.filter((request) => request.action === action && request.httpStatus === 200).length;
  const resources = async (type: string) =>
    ((await project.exportState()).deployment.resources ?? []).filter((r: { type: string }) => r.type === type);

  it("day 1, pulumi up: files the qualification; the signature and the template wait, saying for what", async () => {
    const { stdout } = await project.run(["up", "--yes"]);
    assert.deepEqual(
      [filings("ApplySignatureIdent"), filings("ApplySmsSignatureV2"), filings("ApplySmsTemplateV2SDK")],
      [1, 0, 0],
    );
    assert.match(stdout, /SmsSignature "示例科技" is not filed yet: qualification \d+ "示例科技短信资质" is reviewing/);
    assert.match(stdout, /SmsTemplate "登录验证码" is not filed yet: signature "示例科技" not filed yet/);
    const outputs = await project.outputs();
    assert.deepEqual(
      [outputs.signatureStatus, outputs.templateStatus],
      ["waiting-for-qualification", "waiting-for-signatures"],
    );
  });

  it("every preview shows what waits as a change, and why", async () => {
    const { stdout } = await project.run(["preview"]);
    assert.match(stdout, new RegExp(`~\\s+${SIGNATURE} example-signature update`));
    assert.match(stdout, new RegExp(`\\+-\\s+${TEMPLATE} example-template replace`));
    assert.match(stdout, /SmsSignature "示例科技" will be filed once qualification \d+ is approved \(it was reviewing/);
  });

  it("day 2, approved, pulumi up: files the signature; the template waits for it", async () => {
    emulator.approve(emulator.qualifications()[0]!.id);
    await project.run(["up", "--yes"]);
    assert.deepEqual([filings("ApplySmsSignatureV2"), filings("ApplySmsTemplateV2SDK")], [1, 0]);
    assert.equal((await project.outputs()).signatureStatus, "filed");
    assert.equal((await resources(SIGNATURE))[0]?.id, "示例科技", "the content is the Pulumi id");
  });

  it("day 4, signature approved, refresh: says so, what follows (the carriers), that the template can go", async () => {
    emulator.approveSignature("示例科技");
    const { stdout } = await project.run(["refresh", "--yes"]);
    assert.match(
      stdout,
      /SmsSignature "示例科技": reviewing → approved\. Next: the carriers file it next \(7–10 working days/,
    );
    assert.match(stdout, /SmsTemplate "登录验证码": its signatures are approved now: the next pulumi up files it/);
  });

  it("day 4, pulumi up: files the template, one second-level template per signature", async () => {
    await project.run(["up", "--yes"]);
    assert.equal(filings("ApplySmsTemplateV2SDK"), 1);
    const [template] = await resources(TEMPLATE);
    assert.match(String(template?.id), /^S1T_/);
    assert.equal((await project.outputs()).templateStatus, "filed");
  });

  it("day 12, template approved, the carriers' filing done: refresh says both; up gives the id to send", async () => {
    emulator.approveTemplate(emulator.templates()[0]!.templateId);
    emulator.fileSignatureWithCarriers("示例科技");
    const { stdout } = await project.run(["refresh", "--yes"]);
    assert.match(stdout, /SmsSignature "示例科技": carriers' filing filing → filed: SMS can be sent with it now/);
    assert.match(stdout, /with signature "示例科技" \(S2T_\d+\): reviewing → approved\. Next: SMS can be sent/);
    await project.run(["up", "--yes"]);
    const sendWith = (await project.outputs()).sendWith as Record<string, string>;
    assert.match(String(sendWith.示例科技), /^S2T_/, "a usable template: the id to send with, for the signature");
  });

  it("a changed desc is an update in place: preview shows it old → new, up sends UpdateSmsSignature once", async () => {
    await project.setConfig(`${EXAMPLE_PROJECT}:signatureDesc`, "示例科技 App 的登录、注册验证码与订单通知");
    const preview = await project.run(["preview", "--diff"]);
    assert.match(preview.stdout, new RegExp(`~\\s*${SIGNATURE}: \\(update\\)`));
    assert.match(
      preview.stdout,
      /desc\s*: "示例科技 App 的登录验证码与订单通知" => "示例科技 App 的登录、注册验证码与订单通知"/,
    );
    assert.doesNotMatch(preview.stdout, /replace/);
    await project.run(["up", "--yes"]);
    assert.equal(filings("UpdateSmsSignature"), 1);
    assert.equal(emulator.signatures()[0]?.updateStatus, 1, "the change is under review on the account");
  });

  it("a changed content replaces the signature (new filed, old deleted) and the template bound to it", async () => {
    await project.setConfig(`${EXAMPLE_PROJECT}:signatureContent`, "示例科技通知");
    const preview = await project.run(["preview"]);
    assert.match(preview.stdout, new RegExp(`\\+-\\s+${SIGNATURE} example-signature replace \\[diff: ~content\\]`));
    assert.match(preview.stdout, new RegExp(`\\+-\\s+${TEMPLATE} example-template replace`));
    await project.run(["up", "--yes"]);
    assert.deepEqual(
      emulator.signatures().map((s) => s.content),
      ["示例科技通知"],
    );
    assert.equal((await resources(SIGNATURE))[0]?.id, "示例科技通知");
  });

  it("pulumi destroy deletes the signature and keeps the qualification, saying both; the template stays", async () => {
    const { stdout } = await project.run(["destroy", "--yes"]);
    assert.deepEqual(emulator.signatures(), []);
    assert.equal(emulator.qualifications().length, 1);
    assert.equal(emulator.templates().length, 1, "the filed template stayed on the account (no delete action)");
    assert.match(stdout, /SmsSignature "示例科技通知": withdrawn from review and removed from the account/);
    assert.match(stdout, /qualification \d+ "示例科技短信资质" stays on the Volcengine account/);
    assert.deepEqual(await resources(SIGNATURE), []);
  });
});
