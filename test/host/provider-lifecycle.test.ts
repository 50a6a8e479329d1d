import assert from "node:assert/strict";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type HostError, type Props, ProviderHost, serializeProvider } from "../../harness/provider-host";
import { GET_SIGNATURE_IDENTIFICATION_LIST } from "../../provider/api/qualification/get-signature-identification-list";
import { PERSONAL_VALUES, validInputs } from "../support/fixtures/qualification";
import { usePeers } from "../support/peers";
import { qualificationProvider } from "../support/providers";
import { REPO_ROOT } from "../support/repo-root";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function assertNoPersonalValues(text: string): void {
  for (const value of PERSONAL_VALUES) assert.ok(!text.includes(value), "a personal value leaked");
}

describe("SmsSignatureIdent lifecycle through Pulumi's provider host, against the emulator", () => {
  const peers = usePeers();
  const applyRequests = () => peers.emulator.requests.filter((r) => r.action === "ApplySignatureIdent");

  afterEach(() => peers.emulator.clearFaults());

  const withProvider = (props: Props) => ({ ...props, __provider: peers.providerText });

  describe("the serialized provider", () => {
    it("is small, and holds no path of this machine, no credential and no code of ours but a require by name", () => {
      assert.ok(
        Buffer.byteLength(peers.providerText) < 4096,
        `__provider is ${Buffer.byteLength(peers.providerText)} bytes`,
      );
      assert.ok(!peers.providerText.includes(REPO_ROOT), "__provider holds an absolute path");
      assert.ok(!peers.providerText.includes(peers.emulator.secretKey));
      assert.match(peers.providerText, /require\("pulumi-volcengine-sms\/runtime"\)/);
      assert.doesNotMatch(peers.providerText, /zod|undici|HMAC/);
    });
  });

  describe("create (pulumi up)", () => {
    let created: { id: string; properties: Props };
    const inputs = validInputs();

    before(async () => {
      const checked = await peers.host.check({}, withProvider(inputs));
      assert.deepEqual(checked.failures, []);
      created = await peers.host.create(checked.inputs);
    });

    it("keeps the int64 id exactly, as a decimal string", () => {
      assert.equal(created.id, "9007199254740993");
      assert.equal(peers.emulator.qualifications().find((q) => q.id === created.id)?.status, "pending");
    });

    it("sends the inputs as the request body, once", () => {
      assert.equal(applyRequests().length, 1);
      assert.deepEqual(applyRequests()[0]!.body, inputs);
    });

    it("stores the inputs as applied plus the review state of a qualification just filed", () => {
      const review = { approved: false, reviewStatus: "reviewing", reviewOpinion: "", reviewedAt: "", usable: false };
      assert.deepEqual(created.properties, { ...inputs, ...review, __provider: peers.providerText });
    });

    it("shows no change when nothing changed, with absent and null meaning the same", async () => {
      const certificate = { ...inputs.businessInfo.businessCertificate, fileUrl: null };
      const news = withProvider({
        ...inputs,
        otherMaterials: null,
        businessInfo: { ...inputs.businessInfo, businessCertificate: certificate },
      });
      const diff = await peers.host.diff(created.id, created.properties, news);
      assert.deepEqual(diff, { changes: "none", replaces: [], deleteBeforeReplace: false });
    });

    it("replaces when a nested field changes, naming the top-level property", async () => {
      const changed = validInputs();
      changed.operatorPerson.personMobile = "13800138001";
      changed.materialName = "新资质名称";
      const diff = await peers.host.diff(created.id, created.properties, withProvider(changed));
      assert.equal(diff.changes, "some");
      assert.deepEqual(diff.replaces.sort(), ["materialName", "operatorPerson"]);
      assert.equal(diff.deleteBeforeReplace, false);
      // Pulumi shows the changed mobile as an unchanged [secret]: the provider names the field, not the value.
      await peers.host.waitForStderr(
        /is replaced \(a new filing, a new review\): materialName, operatorPerson\.personMobile/,
      );
      assert.ok(!peers.host.stderr.includes("13800138001"));
    });

    it("replaces a property whose new value is not known yet in preview", async () => {
      const diff = await peers.host.diff(
        created.id,
        created.properties,
        withProvider({ ...inputs, businessInfo: { ...inputs.businessInfo, legalPersonName: UNKNOWN } }),
      );
      assert.deepEqual(diff.replaces, ["businessInfo"]);
    });

    it("refresh of a qualification under review keeps it, approved=false", async () => {
      const refreshed = await peers.host.read(created.id, created.properties);
      assert.equal(refreshed.id, created.id);
      assert.deepEqual(refreshed.properties, created.properties);
      const { action } = GET_SIGNATURE_IDENTIFICATION_LIST;
      const list = peers.emulator.requests.filter((r) => r.action === action).at(-1)!;
      assert.match(list.rawBody.toString(), /"id":9007199254740993/, "the id goes out as an exact number token");
    });

    it("refresh after approval sets approved=true and the listed effectSignatures", async () => {
      peers.emulator.approve(created.id);
      const refreshed = await peers.host.read(created.id, created.properties);
      assert.equal(refreshed.id, created.id);
      assert.equal(refreshed.properties.approved, true);
      assert.deepEqual(refreshed.properties.effectSignatures, inputs.effectSignatures);
      assert.equal(refreshed.properties.reviewStatus, "approved");
      assert.equal(refreshed.properties.usable, true);
      assert.match(String(refreshed.properties.reviewedAt), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const review = { approved: false, reviewStatus: "reviewing", reviewedAt: "", usable: false };
      assert.deepEqual({ ...refreshed.properties, ...review }, created.properties);
    });

    it("refresh that meets a rejected qualification keeps it in state, approved=false", async () => {
      const other = await peers.host.create(withProvider(validInputs({ materialName: "另一份资质" })));
      peers.emulator.reject(other.id);
      const refreshed = await peers.host.read(other.id, other.properties);
      assert.equal(refreshed.id, other.id);
      assert.equal(refreshed.properties.approved, false);
    });

    it("an update is never reached: it fails rather than silently dropping outputs", async () => {
      await assert.rejects(
        peers.host.update(created.id, created.properties, withProvider(inputs)),
        /cannot be updated in place/,
      );
    });

    it("destroy calls nothing, warns that the qualification stays, and succeeds", async () => {
      const before = peers.emulator.requests.length;
      await peers.host.delete(created.id, created.properties);
      assert.equal(peers.emulator.requests.length, before, "delete must not call the API");
      await peers.host.waitForStderr(/stays on the Volcengine account/);
      assert.match(
        peers.host.stderr,
        new RegExp(`qualification ${created.id} "示例科技短信资质" stays on the Volcengine account`),
      );
      assert.match(peers.host.stderr, /delete it by hand in the Volcengine console/);
    });
  });

  describe("errors", () => {
    it("a vendor error names the action, code, RequestId and what to do, with no personal value", async () => {
      peers.emulator.injectFault({ action: "ApplySignatureIdent", kind: "business-error", code: "1023" });
      const error: HostError = await peers.host.create(withProvider(validInputs({ allowDuplicateName: true }))).then(
        () => assert.fail("create succeeded"),
        (e) => e,
      );
      assert.match(
        error.message,
        /^ApplySignatureIdent failed \(1023, HTTP 200, RequestId [^)]+\): .*What to do: this account has no permission/,
      );
      const requestId = peers.emulator.requests.at(-1)!.requestId;
      assert.ok(error.message.includes(requestId), "the RequestId the server sent is shown");
      assertNoPersonalValues(error.message);
      assert.equal(peers.host.exited, false);
    });

    it("a gateway error (HTTP 4xx with an Error envelope) is reported with its status", async () => {
      const { action } = GET_SIGNATURE_IDENTIFICATION_LIST;
      // A Retry-After beyond the retry deadline: no retry can start, so the refusal is the answer.
      peers.emulator.injectFault({ action, kind: "throttle", retryAfterSeconds: 1000 });
      await peers.host.nextCommand();
      await assert.rejects(
        peers.host.read("9007199254740993", withProvider(validInputs())),
        new RegExp(`${action} failed \\(FlowLimitExceeded, HTTP 429, RequestId`),
      );
    });

    it("invalid inputs reaching create are refused before anything is sent", async () => {
      const before = applyRequests().length;
      await assert.rejects(
        peers.host.create(withProvider({ ...validInputs(), purpose: 5 })),
        /ApplySignatureIdent failed \(InvalidInput\): not sent, the inputs are invalid: purpose: must be one of 1, 2/,
      );
      assert.equal(applyRequests().length, before);
    });
  });
});

describe("credentials and endpoint settings in the provider host", () => {
  let emulator: RunningEmulator;
  let providerText: string;
  const hosts: ProviderHost[] = [];

  before(async () => {
    providerText = await serializeProvider(qualificationProvider);
    emulator = await startEmulator({ approvalDelayMs: null });
  });
  after(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    await emulator.close();
  });

  async function hostWith(env: NodeJS.ProcessEnv, config: Record<string, string> = {}): Promise<ProviderHost> {
    const host = await ProviderHost.start({ cwd: REPO_ROOT, env });
    hosts.push(host);
    await host.configure(config);
    return host;
  }
  // Each host files the same qualification: the duplicate guard has tests of its own.
  const create = (host: ProviderHost) =>
    host.create({ ...validInputs({ allowDuplicateName: true }), __provider: providerText });

  it("reads credentials, region and endpoint from the environment when stack config has none", async () => {
    const host = await hostWith({
      VOLCENGINE_ACCESS_KEY: emulator.accessKey,
      VOLCENGINE_SECRET_KEY: emulator.secretKey,
      VOLCENGINE_SMS_ENDPOINT: emulator.endpoint,
    });
    const created = await create(host);
    assert.match(created.id, /^\d+$/);
  });

  it("prefers stack config over the environment", async () => {
    const host = await hostWith(
      {
        VOLCENGINE_ACCESS_KEY: "AKLTwrongwrongwrongwrongwrong",
        VOLCENGINE_SECRET_KEY: "wrong-secret",
        VOLCENGINE_SMS_ENDPOINT: emulator.endpoint,
      },
      { "volcengine:accessKey": emulator.accessKey, "volcengine:secretKey": emulator.secretKey },
    );
    assert.match((await create(host)).id, /^\d+$/);
  });

  it("missing credentials: an error naming both ways to set them, and nothing sent", async () => {
    const before = emulator.requests.length;
    const host = await hostWith({ VOLCENGINE_SMS_ENDPOINT: emulator.endpoint });
    await assert.rejects(create(host), (error: Error) => {
      assert.match(error.message, /MissingCredentials/);
      assert.match(error.message, /pulumi config set volcengine:accessKey/);
      assert.match(error.message, /pulumi config set --secret volcengine:secretKey/);
      assert.match(error.message, /VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY/);
      return true;
    });
    assert.equal(emulator.requests.length, before);
  });

  it("a wrong secret key: SignatureDoesNotMatch with a hint; neither key nor signature in the message", async () => {
    const host = await hostWith(
      {},
      {
        "volcengine:accessKey": emulator.accessKey,
        "volcengine:secretKey": "a-wrong-secret-key-0000",
        "volcengine:smsEndpoint": emulator.endpoint,
      },
    );
    await assert.rejects(create(host), (error: Error) => {
      assert.match(error.message, /SignatureDoesNotMatch, HTTP 401, RequestId/);
      assert.match(error.message, /check volcengine:secretKey \/ VOLCENGINE_SECRET_KEY/);
      assert.ok(!error.message.includes("a-wrong-secret-key-0000"));
      assert.doesNotMatch(error.message, /Signature=[0-9a-f]{64}/);
      return true;
    });
  });

  it("plain http is refused for a host that is not loopback", async () => {
    const host = await hostWith(
      {},
      {
        "volcengine:accessKey": emulator.accessKey,
        "volcengine:secretKey": emulator.secretKey,
        "volcengine:smsEndpoint": "http://sms.example.com",
      },
    );
    await assert.rejects(create(host), /InsecureEndpoint.*not https: requests carry ID numbers and scans/);
  });
});
