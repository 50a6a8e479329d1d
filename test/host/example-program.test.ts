import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { EngineStandIn } from "../../harness/engine-stand-in";
import { EXAMPLE_PROJECT, exampleStackConfig, loadExampleProgram } from "../support/example-stack";
import { propertyOf } from "../support/failures";
import { ID_NUMBERS } from "../support/fixtures/qualification";
import { usePeers } from "../support/peers";
import { REPO_ROOT } from "../support/repo-root";

describe("the example program under setMocks, forwarded to Pulumi's provider host", () => {
  const peers = usePeers();
  let engine: EngineStandIn;
  beforeEach(async () => {
    engine = new EngineStandIn(peers.host, pulumi, EXAMPLE_PROJECT, "dev");
  });

  async function configureHost(config: Record<string, string>) {
    await peers.host.configure(config);
  }

  it("preview: checks the program's qualification, signature and template, plans creates, sends nothing", async () => {
    const config = exampleStackConfig(peers.emulator);
    await configureHost(config);
    const result = await engine.run({ load: loadExampleProgram, preview: true, config });
    assert.deepEqual(result.failures, []);
    assert.deepEqual(
      result.steps.map((s) => [s.op, s.type, s.name]),
      [
        ["create", "pulumi-nodejs:dynamic/volcengine-sms:SmsSignatureIdent", "example-qualification"],
        ["create", "pulumi-nodejs:dynamic/volcengine-sms:SmsSignature", "example-signature"],
        ["create", "pulumi-nodejs:dynamic/volcengine-sms:SmsTemplate", "example-template"],
      ],
    );
    assert.equal(peers.emulator.requests.length, 0);
  });

  it("preview: a mistyped mobile in stack config fails, naming the field, before anything is sent", async () => {
    const config = exampleStackConfig(peers.emulator, { [`${EXAMPLE_PROJECT}:operatorMobile`]: "1380013800" });
    await configureHost(config);
    const result = await engine.run({ load: loadExampleProgram, preview: true, config });
    assert.equal(result.failures.length, 1);
    assert.equal(propertyOf(result.failures[0]!), "operatorPerson");
    assert.match(result.failures[0]!.reason, /^operatorPerson\.personMobile: must be a mainland mobile number/);
    assert.equal(peers.emulator.requests.length, 0);
  });

  it("up: checks and creates; the vendor receives the documents' exact bytes and the secrets", async () => {
    const config = exampleStackConfig(peers.emulator);
    await configureHost(config);
    const result = await engine.run({ load: loadExampleProgram, preview: false, config });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.steps.map((s) => [s.op, s.name, s.outputs?.status]),
      [
        ["create", "example-qualification", undefined],
        ["create", "example-signature", "waiting-for-qualification"],
        ["create", "example-template", "waiting-for-signatures"],
      ],
      "the signature waits for the qualification, the template for the signature",
    );
    const step = result.steps[0]!;
    assert.equal(step.op, "create");
    assert.equal(step.id, "9007199254740993");
    const applied = peers.emulator.requests.filter((r) => r.action === "ApplySignatureIdent");
    assert.equal(applied.length, 1);
    const body = applied[0]!.body as any;
    const state = engine.state.get(step.urn)!;
    const licence = fs.readFileSync(path.join(REPO_ROOT, "examples", "documents", "business-licence.jpg"));
    const sent: string = body.businessInfo.businessCertificate.fileContent;
    assert.ok(sent.startsWith("data:image/jpg;base64,"), "sent as the vendor's example shows: a data URI");
    assert.deepEqual(Buffer.from(sent.slice("data:image/jpg;base64,".length), "base64"), licence);
    assert.deepEqual(
      state.inputs.businessInfo,
      {
        ...(state.inputs.businessInfo as object),
        businessCertificate: {
          fileType: 1,
          fileSuffix: "jpg",
          document: {
            path: "examples/documents/business-licence.jpg",
            sha256: require("node:crypto").createHash("sha256").update(licence).digest("hex"),
            size: licence.length,
          },
        },
      },
      "the state holds the document's path, digest and size, not its bytes",
    );
    assert.equal(body.operatorPerson.personIDCard, ID_NUMBERS.operator);
    assert.equal(engine.state.get(step.urn)!.outputs.approved, false);
    for (const person of ["operatorPerson", "responsiblePersonInfo"]) {
      for (const field of ["personIDCard", "personMobile"]) {
        assert.ok(state.secretInputs.includes(`${person}.${field}`), `${person}.${field} is registered as secret`);
      }
    }
  });
});
