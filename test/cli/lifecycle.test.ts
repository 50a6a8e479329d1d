/**
 * The example project under the real `pulumi` CLI against the emulator: preview, a mistake caught in preview, up,
 * refresh before and after the review, a change a reviewer reads in `preview --diff`, its replacement, destroy.
 * The steps share one stack and run in order.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { EXAMPLE_PROJECT } from "../support/example-stack";
import { ID_NUMBERS, MOBILES } from "../support/fixtures/qualification";
import { useExampleProject } from "./support/example-project";
import { type PulumiProject, qualificationsIn, REPO_ROOT } from "./support/pulumi-cli";

const scans = fs
  .readdirSync(path.join(REPO_ROOT, "examples", "documents"))
  .map((file) => fs.readFileSync(path.join(REPO_ROOT, "examples", "documents", file)).toString("base64"));

function assertAbsent(text: string, values: readonly string[], where: string): void {
  for (const value of values)
    assert.ok(!text.includes(value), `${where} holds a personal value or secret in plain text`);
}

describe("the example under the real pulumi CLI", () => {
  const stack = useExampleProject("lifecycle");
  let emulator: RunningEmulator;
  let project: PulumiProject;
  before(() => {
    ({ emulator, project } = stack);
  });

  it("pulumi preview shows the qualification, signature and template to create and sends nothing", async () => {
    const { stdout } = await project.run(["preview"]);
    for (const [type, name] of [
      ["SmsSignatureIdent", "example-qualification"],
      ["SmsSignature", "example-signature"],
      ["SmsTemplate", "example-template"],
    ]) {
      assert.match(stdout, new RegExp(`\\+\\s+pulumi-nodejs:dynamic/volcengine-sms:${type}\\s+${name}\\s+create`));
    }
    assert.match(stdout, /\+ 4 to create/, "the stack and the three resources");
    assert.equal(emulator.requests.length, 0);
  });

  it("a mistyped mobile fails the preview, naming the field and the rule, never the value", async () => {
    const mistyped = "1380013800";
    await project.setConfig(`${EXAMPLE_PROJECT}:operatorMobile`, mistyped, true);
    const run = await project.run(["preview"], { allowFailure: true });
    await project.setConfig(`${EXAMPLE_PROJECT}:operatorMobile`, MOBILES.operator, true);
    assert.notEqual(run.exitCode, 0);
    const output = run.stdout + run.stderr;
    assert.match(output, /resource 'example-qualification' has a problem: operatorPerson\.personMobile: .*11 digits/);
    assert.ok(!output.includes(mistyped), "the mistyped mobile is not echoed");
    assert.doesNotMatch(output, /property operatorPerson value/, "the engine is not handed the property to print");
    assert.equal(emulator.requests.length, 0);
  });

  it("pulumi up files the qualification once and keeps its int64 id exactly", async () => {
    await project.run(["up", "--yes"]);
    const applies = emulator.requests.filter((request) => request.action === "ApplySignatureIdent");
    assert.equal(applies.length, 1);
    const filed = emulator.qualifications()[0]!;
    assert.ok(BigInt(filed.id) > 2n ** 53n, "the emulator's ids are above 2^53");
    const outputs = await project.outputs();
    assert.equal(outputs.qualificationId, filed.id);
  });

  it("pulumi stack export holds no personal data, no credential and no path of this machine", async () => {
    const { text, deployment } = await project.exportState();
    assertAbsent(text, [...Object.values(ID_NUMBERS), ...Object.values(MOBILES), ...scans], "the exported state");
    assertAbsent(text, [emulator.secretKey], "the exported state");
    const [resource] = qualificationsIn(deployment);
    const providerText = String(resource.inputs.__provider);
    for (const machinePath of [REPO_ROOT, project.dir, os.tmpdir(), os.homedir()]) {
      assert.ok(!providerText.includes(machinePath), `__provider holds ${machinePath}`);
    }
    assert.equal(resource.outputs.materialName, "示例科技短信资质", "what is not personal stays readable");
  });

  it("pulumi refresh reports approved false while under review, true once approved", async () => {
    const quiet = await project.run(["refresh", "--yes"]);
    assert.equal(qualificationsIn((await project.exportState()).deployment)[0].outputs.approved, false);
    assert.doesNotMatch(quiet.stdout, /→/, "nothing changed, nothing said");
    const filed = emulator.qualifications()[0]!;
    emulator.approve(filed.id);
    const { stdout } = await project.run(["refresh", "--yes"]);
    assert.equal(qualificationsIn((await project.exportState()).deployment)[0].outputs.approved, true);
    assert.match(
      stdout,
      new RegExp(`SmsSignatureIdent: qualification ${filed.id} "示例科技短信资质": reviewing → approved\\. Next: `),
      "the refresh names the qualification and the change: Pulumi shows no changed output of a refresh",
    );
    assert.equal((await project.outputs()).approved, false, "a refresh does not run the program: outputs stay");
  });

  it("pulumi refresh --run-program brings the stack outputs up to date, as the README says", async () => {
    await project.run(["refresh", "--yes", "--run-program"]);
    const outputs = await project.outputs();
    assert.equal(outputs.approved, true);
    assert.equal(outputs.reviewStatus, "approved");
  });

  it("pulumi preview --diff shows a readable replacement: plain fields old → new, personal data masked", async () => {
    rewriteProgram(project, [
      ["示例科技有限公司", "示例科技股份有限公司"],
      ['personName: "张三"', 'personName: "张小三"'],
      ['"2099-12-31"', '"2098-12-31"'],
      ['effectSignatures: ["示例科技"]', 'effectSignatures: ["示例科技", "示例"]'],
    ]);
    const newMobile = "13700137000";
    await project.setConfig(`${EXAMPLE_PROJECT}:operatorMobile`, newMobile, true);
    const { stdout, stderr } = await project.run(["preview", "--diff"]);
    assert.match(stdout, /\+-\s*pulumi-nodejs:dynamic\/volcengine-sms:SmsSignatureIdent: \(replace\)/);
    // The waiting signature follows the new qualification's id; the waiting template gets its id when filed.
    assert.match(stdout, /~ 1 to update\s+\+-2 to replace/);
    assert.match(stdout, /qualificationId: "\d+" => \[unknown\]/);
    assert.match(
      stdout + stderr,
      /will be filed on the qualification this pulumi up files \(its id is not known before\)/,
    );
    const shown = (pattern: RegExp, what: string) => assert.match(stdout, pattern, `${what} is shown old → new`);
    shown(/businessCertificateName\s*:\s*"示例科技有限公司" => "示例科技股份有限公司"/, "the company name");
    shown(/personName\s*:\s*"张三" => "张小三"/, "the operator's name");
    shown(/businessCertificateValidityPeriodEnd\s*:\s*"2099-12-31" => "2098-12-31"/, "the licence's end date");
    assert.match(stdout, /\+\s*\[1\]: "示例"/, "the added signature is shown");
    assert.match(stdout, /personMobile\s*:\s*\[secret\]/, "the mobile is masked");
    assert.match(stdout + stderr, /is replaced \(a new filing, a new review\): .*operatorPerson\.personMobile/);
    assertAbsent(stdout + stderr, [newMobile, MOBILES.operator, ...Object.values(ID_NUMBERS)], "the preview");
  });

  it("pulumi up files a new qualification; the old one gets the stays-on-the-account warning", async () => {
    const { stdout } = await project.run(["up", "--yes"]);
    const filed = emulator.qualifications();
    assert.equal(filed.length, 2);
    assert.match(stdout, new RegExp(`qualification ${filed[0]!.id} .*stays on the Volcengine account`));
    const [resource] = qualificationsIn((await project.exportState()).deployment);
    assert.equal(resource.id, filed[1]!.id);
  });

  it("pulumi destroy warns, empties the stack and leaves both qualifications on the account", async () => {
    const { stdout } = await project.run(["destroy", "--yes"]);
    const filed = emulator.qualifications();
    assert.match(stdout, new RegExp(`qualification ${filed[1]!.id} .*stays on the Volcengine account`));
    assert.deepEqual(qualificationsIn((await project.exportState()).deployment), []);
    assert.equal(filed.length, 2);
  });
});

function rewriteProgram(project: PulumiProject, replacements: [string, string][]): void {
  const file = path.join(project.dir, "examples", "index.ts");
  let text = fs.readFileSync(file, "utf8");
  for (const [before, after] of replacements) {
    assert.ok(text.includes(before), `the example program contains ${before}`);
    text = text.split(before).join(after);
  }
  fs.writeFileSync(file, text);
}
