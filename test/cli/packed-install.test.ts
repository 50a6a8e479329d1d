/**
 * What a user gets: the package from `npm pack`, installed into a TypeScript Pulumi project of its own with the newest
 * @pulumi/pulumi, on Node 24 (which that release needs), run by the real CLI: preview, then up.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { image } from "../support/fixtures/documents";
import { ID_NUMBERS, MOBILES } from "../support/fixtures/qualification";
import { emulatorConfig } from "../support/peers";
import { installPackedIntoScratchProject } from "../support/scratch-project";
import { PulumiProject, qualificationsIn, REPO_ROOT } from "./support/pulumi-cli";
import { printTranscriptOnFailure } from "./support/transcript";

const NODE_MAJOR = "24";

/** A user's program, as the README shows it, passing the ID numbers and mobiles as plain strings. */
const PROGRAM = `import * as path from "node:path";
import { CertificateType, DocType, documentFile, Purpose, SmsSignatureIdent } from "pulumi-volcengine-sms";

const scan = (fileType: DocType) => documentFile(path.join(__dirname, "scan.png"), { fileType });
const person = (name: string, id: string, mobile: string, front: DocType, back: DocType) => ({
  certificateType: CertificateType.MainlandIdCard,
  personCertificate: [scan(front), scan(back)],
  personName: name,
  personIDCard: id,
  personMobile: mobile,
});

const qualification = new SmsSignatureIdent("packed", {
  materialName: "安装包测试资质",
  purpose: Purpose.SelfUse,
  businessInfo: {
    businessCertificateType: DocType.BusinessLicense,
    businessCertificate: scan(DocType.BusinessLicense),
    businessCertificateName: "示例科技有限公司",
    unifiedSocialCreditIdentifier: "91350100M000100Y43",
    businessCertificateValidityPeriodStart: "2020-01-01",
    businessCertificateValidityPeriodEnd: "2099-12-31",
    legalPersonName: "王五",
  },
  operatorPerson: person("张三", "${ID_NUMBERS.operator}", "${MOBILES.operator}", DocType.OperatorIdCardFront,
    DocType.OperatorIdCardBack),
  responsiblePersonInfo: person("王五", "${ID_NUMBERS.responsible}", "${MOBILES.responsible}",
    DocType.ResponsiblePersonIdCardFront, DocType.ResponsiblePersonIdCardBack),
});

export const id = qualification.id;
export const nodeVersion = process.version;
`;

describe("the packed package in a user's TypeScript project, newest @pulumi/pulumi, Node 24, real CLI", () => {
  let emulator: RunningEmulator;
  let scratch: string;
  let newestPulumi: string;
  let project: PulumiProject;
  printTranscriptOnFailure(() => project);

  before(async () => {
    const nodeBin = execFileSync("bash", [path.join(REPO_ROOT, "scripts", "node-binary.sh"), NODE_MAJOR], {
      encoding: "utf8",
    }).trim();
    newestPulumi = execFileSync("npm", ["view", "@pulumi/pulumi@latest", "version"], { encoding: "utf8" }).trim();
    scratch = installPackedIntoScratchProject("cli-user", {
      "@pulumi/pulumi": newestPulumi,
      typescript: require("typescript/package.json").version,
      "ts-node": require("ts-node/package.json").version,
      "@types/node": "^24",
    });
    fs.writeFileSync(path.join(scratch, "Pulumi.yaml"), "name: cli-user\nruntime: nodejs\n");
    fs.writeFileSync(
      path.join(scratch, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "commonjs", types: ["node"] } }),
    );
    fs.writeFileSync(path.join(scratch, "index.ts"), PROGRAM);
    fs.writeFileSync(path.join(scratch, "scan.png"), image("png", 4096));
    emulator = await startEmulator({ approvalDelayMs: null });
    project = PulumiProject.at(scratch, nodeBin);
    await project.initStack(emulatorConfig(emulator), ["volcengine:secretKey"]);
  });
  after(async () => {
    await project?.remove();
    await emulator?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("installs the newest @pulumi/pulumi as the project's only copy", () => {
    const installed = require(path.join(scratch, "node_modules", "@pulumi", "pulumi", "package.json"));
    assert.equal(installed.version, newestPulumi);
    assert.ok(!fs.existsSync(path.join(scratch, "node_modules", "pulumi-volcengine-sms", "node_modules", "@pulumi")));
  });

  it("pulumi preview: one qualification to create, nothing sent", async () => {
    const { stdout } = await project.run(["preview"]);
    assert.match(stdout, /\+\s+pulumi-nodejs:dynamic\/volcengine-sms:SmsSignatureIdent\s+packed\s+create/);
    assert.equal(emulator.requests.length, 0);
  });

  it("pulumi up: filed once on Node 24; plain-string personal data is still encrypted in state", async () => {
    await project.run(["up", "--yes"]);
    const [filed] = emulator.qualifications();
    const outputs = await project.outputs();
    assert.equal(outputs.id, filed?.id);
    assert.match(String(outputs.nodeVersion), new RegExp(`^v${NODE_MAJOR}\\.`));
    assert.equal(emulator.requests.filter((r) => r.action === "ApplySignatureIdent").length, 1);
    const { text, deployment } = await project.exportState();
    for (const value of [ID_NUMBERS.operator, ID_NUMBERS.responsible, MOBILES.operator, MOBILES.responsible]) {
      assert.ok(!text.includes(value), "the state holds a personal value in plain text");
    }
    const [resource] = qualificationsIn(deployment);
    const pinned = path.join(REPO_ROOT, "test", "contract", "fixtures", "shim-0.2.0-package-sms-signature-ident.txt");
    assert.equal(resource.inputs.__provider, fs.readFileSync(pinned, "utf8"), "the shim pinned in test/contract");
    assert.ok(!String(resource.inputs.__provider).includes(scratch), "__provider holds a path of this machine");
  });
});
