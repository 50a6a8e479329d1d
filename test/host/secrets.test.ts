import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SmsSignatureIdent, type SmsSignatureIdentArgs } from "pulumi-volcengine-sms";
import { EngineStandIn } from "../../harness/engine-stand-in";
import { VolcengineError } from "../../provider/errors";
import { redact } from "../../provider/redact";
import { EXAMPLE_PROJECT, exampleStackConfig, loadExampleProgram } from "../support/example-stack";
import { ID_NUMBERS, MOBILES, PERSONAL_VALUES, validInputs } from "../support/fixtures/qualification";
import { usePeers } from "../support/peers";
import { REPO_ROOT } from "../support/repo-root";

const scans = fs
  .readdirSync(path.join(REPO_ROOT, "examples", "documents"))
  .map((f) => fs.readFileSync(path.join(REPO_ROOT, "examples", "documents", f)).toString("base64"));

function assertAbsent(text: string, values: readonly string[], where: string) {
  for (const value of values) assert.ok(!text.includes(value), `${where} holds a personal value in plain text`);
}

describe("secrets: personal data never in plain text in state, __provider, errors or diagnostics", () => {
  const peers = usePeers();

  const config = () => exampleStackConfig(peers.emulator);

  it("the example: every ID number and mobile is secret where it stands in inputs and outputs", async () => {
    await peers.host.configure(config());
    const engine = new EngineStandIn(peers.host, pulumi, EXAMPLE_PROJECT, "dev");
    const result = await engine.run({ preview: false, config: config(), load: loadExampleProgram });
    assert.deepEqual(result.errors, []);
    const [resource] = engine.state.values();
    assert.ok(resource, "nothing was created");
    // The example's scans are documentFile()s: the state holds their digests, nothing secret.
    const personal = ["operatorPerson", "responsiblePersonInfo"].flatMap((p) => [
      `${p}.personIDCard`,
      `${p}.personMobile`,
    ]);
    assert.deepEqual([...resource.secretInputs].sort(), personal.sort());
    assert.deepEqual([...resource.secretOutputs].sort(), personal.sort());
    const exported = JSON.stringify(engine.exportState());
    const [operator, responsible] = [ID_NUMBERS.operator, ID_NUMBERS.responsible];
    assertAbsent(
      exported,
      [operator, responsible, MOBILES.operator, MOBILES.responsible, ...scans],
      "the exported state",
    );
    for (const readable of ['"materialName":"示例科技短信资质"', '"personName":"张三"', '"2099-12-31"']) {
      assert.ok(exported.includes(readable), `what is not personal stays readable: ${readable}`);
    }
    assertAbsent(
      String(resource.inputs.__provider),
      [...PERSONAL_VALUES, ...scans, peers.emulator.secretKey],
      "__provider",
    );
    assertAbsent(
      peers.host.stderr,
      [...PERSONAL_VALUES, ...scans, peers.emulator.secretKey],
      "the provider's diagnostics",
    );
  });

  it("a program passing plain strings still gets them encrypted", async () => {
    await peers.host.configure(config());
    const engine = new EngineStandIn(peers.host, pulumi, "plain-strings", "dev");
    const result = await engine.run({
      preview: false,
      config: config(),
      load: () => new SmsSignatureIdent("plain", validInputs({ materialName: "明文资质" }) as SmsSignatureIdentArgs),
    });
    assert.deepEqual(result.errors, []);
    const [resource] = engine.state.values();
    assert.ok(resource, "nothing was created");
    // Inline scans sit in lists: the engine keeps a list holding a secret secret whole.
    const expected = [
      "businessInfo.businessCertificate.fileContent",
      ...["operatorPerson", "responsiblePersonInfo", "legalPerson"].flatMap((p) => [
        `${p}.personCertificate`,
        `${p}.personIDCard`,
        `${p}.personMobile`,
      ]),
    ].sort();
    assert.deepEqual([...resource.secretInputs].sort(), expected);
    assert.deepEqual([...resource.secretOutputs].sort(), expected);
    const exported = JSON.stringify(engine.exportState());
    assertAbsent(exported, PERSONAL_VALUES, "the exported state");
    assert.ok(exported.includes('"businessCertificateName":"示例科技有限公司"'), "the company name stays readable");
  });

  it("errors from a failed create carry no personal value", async () => {
    await peers.host.configure(config());
    peers.emulator.injectFault({ action: "ApplySignatureIdent", kind: "http-error", status: 500 });
    const engine = new EngineStandIn(peers.host, pulumi, "failing", "dev");
    const result = await engine.run({
      preview: false,
      config: config(),
      load: () => new SmsSignatureIdent("failing", validInputs({ materialName: "失败资质" }) as SmsSignatureIdentArgs),
    });
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]?.message ?? "", /ApplySignatureIdent failed \(InternalError, HTTP 500/);
    assertAbsent(
      result.errors.map((error) => error.message).join("\n") + peers.host.stderr,
      PERSONAL_VALUES,
      "the error",
    );
  });
});

describe("redaction: the one step every error, warning and log line goes through", () => {
  const echoed =
    `Authorization: HMAC-SHA256 ` +
    `Credential=AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg/20240617/cn-north-1/volcSMS/request, ` +
    `SignedHeaders=peers.host;x-date, Signature=526af76d3a08cefc578fd65b7a2cf9ea8241d24a5524bb9d847f8641f68cb673; ` +
    `X-Security-Token: STSeyJhbGciOi; id ${ID_NUMBERS.operator}, mobile ${MOBILES.operator} (+86 ${MOBILES.legal}), ` +
    `file data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ, raw ${"QUJD".repeat(30)}`;

  it("removes authorization, tokens, signatures, access keys, ID numbers, mobiles and file content", () => {
    const text = redact(echoed);
    for (const leak of [
      "AKLTYWViMTVm",
      "526af76d3a08",
      "STSeyJhbGciOi",
      ID_NUMBERS.operator,
      MOBILES.operator,
      MOBILES.legal,
      "iVBORw0KGgo",
      "QUJDQUJD",
    ]) {
      assert.ok(!text.includes(leak), `"${leak}" survived: ${text}`);
    }
  });

  it("keeps what a user needs: qualification ids (even above 2^53), RequestIds, codes", () => {
    const text = redact("qualification 9007199254740993, RequestId 20240617205533020030226132786E58, code 1001");
    assert.equal(text, "qualification 9007199254740993, RequestId 20240617205533020030226132786E58, code 1001");
  });

  it("VolcengineError redacts what it is given, including the known secret values", () => {
    const error = new VolcengineError({
      kind: "vendor",
      action: "ApplySignatureIdent",
      code: "1001",
      httpStatus: 200,
      requestId: "R1",
      message: `${echoed} secret=my-secret-key-123`,
      secrets: ["my-secret-key-123"],
    });
    assert.ok(!error.message.includes("my-secret-key-123"));
    assert.ok(!error.message.includes(ID_NUMBERS.operator));
    assert.match(error.message, /^ApplySignatureIdent failed \(1001, HTTP 200, RequestId R1\)/);
    assert.equal(error.stack, `VolcengineError: ${error.message}`, "no stack trace is printed to users");
  });
});
