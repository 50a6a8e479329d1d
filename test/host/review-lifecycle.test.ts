/**
 * After filing, through Pulumi's provider host against the emulator: review status and reason on refresh, the
 * fallback for accounts without the newer list, waiting for approval, adopting a qualification, the duplicate guard,
 * and a create killed in flight.
 */
import assert from "node:assert/strict";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type HostError, type Props, ProviderHost, serializeProvider } from "../../harness/provider-host";
import { GET_SIGNATURE_IDENT_LIST } from "../../provider/api/qualification/get-signature-ident-list";
import { GET_SIGNATURE_IDENTIFICATION_LIST } from "../../provider/api/qualification/get-signature-identification-list";
import { validInputs } from "../support/fixtures/qualification";
import { emulatorConfig, usePeers } from "../support/peers";
import { qualificationProvider } from "../support/providers";
import { REPO_ROOT } from "../support/repo-root";

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const OPINION = "营业执照扫描件模糊，请上传清晰的原件照片";

async function rejection(call: Promise<unknown>): Promise<HostError> {
  return call.then(
    () => assert.fail("the call succeeded"),
    (error: HostError) => error,
  );
}

describe("review lifecycle through Pulumi's provider host", () => {
  const peers = usePeers();
  const withProvider = (props: Props) => ({ ...props, __provider: peers.providerText });
  const applies = () => peers.emulator.requests.filter((r) => r.action === "ApplySignatureIdent").length;
  const named = (materialName: string) =>
    peers.emulator.qualifications().filter((q) => q.materialName === materialName);

  it("reviewing → rejected with its reason (a warning says what to do) → a corrected filing → approved", async () => {
    const inputs = validInputs({ materialName: "被驳回的资质" });
    const first = await peers.host.create(withProvider(inputs));
    assert.equal(first.properties.reviewStatus, "reviewing");

    peers.emulator.reject(first.id, OPINION);
    await peers.host.nextCommand();
    const rejected = await peers.host.read(first.id, first.properties);
    assert.equal(rejected.id, first.id, "a rejected qualification stays in the state");
    assert.equal(rejected.properties.reviewStatus, "rejected");
    assert.equal(rejected.properties.reviewOpinion, OPINION);
    assert.match(String(rejected.properties.reviewedAt), ISO_UTC);
    assert.equal(rejected.properties.approved, false);
    assert.equal(rejected.properties.usable, false);
    await peers.host.waitForStderr(/"被驳回的资质": reviewing → rejected: 营业执照扫描件模糊/);
    assert.match(peers.host.stderr, /Next: Fix the inputs the reason names; pulumi up then files a new qualification/);
    await peers.host.read(first.id, rejected.properties);
    await peers.host.waitForStderr(/"被驳回的资质" was rejected: 营业执照扫描件模糊/);

    const corrected = { ...inputs, businessInfo: { ...inputs.businessInfo, legalPersonName: "王小五" } };
    const diff = await peers.host.diff(first.id, rejected.properties, withProvider(corrected));
    assert.deepEqual(diff.replaces, ["businessInfo"]);
    const second = await peers.host.create(withProvider(corrected));
    assert.notEqual(second.id, first.id, "the rejected one does not block a new filing of the same name");
    peers.emulator.approve(second.id);
    await peers.host.nextCommand();
    const approved = await peers.host.read(second.id, second.properties);
    assert.equal(approved.properties.reviewStatus, "approved");
    assert.equal(approved.properties.approved, true);
    assert.equal(approved.properties.usable, true);
    assert.equal(approved.properties.reviewOpinion, "");
  });

  it("shows closed, exempted and a state it does not know as such", async () => {
    const created = await peers.host.create(withProvider(validInputs({ materialName: "状态资质" })));
    const statusAfter = async (status: "closed" | "exempted" | number) => {
      peers.emulator.setStatus(created.id, status);
      await peers.host.nextCommand();
      return (await peers.host.read(created.id, created.properties)).properties;
    };
    assert.equal((await statusAfter("closed")).reviewStatus, "closed");
    const exempted = await statusAfter("exempted");
    assert.equal(exempted.reviewStatus, "exempted");
    assert.equal(exempted.usable, true);
    assert.equal(exempted.approved, false, "approved means approved, nothing else");
    assert.equal((await statusAfter(9)).reviewStatus, "status-9");
  });

  describe("adoptId: recording a qualification that exists instead of filing one", () => {
    const inputs = validInputs({ materialName: "领养的资质" });
    let filed: { id: string; properties: Props };
    before(async () => {
      filed = await peers.host.create(withProvider(inputs));
    });

    it("a match records it with its status and files nothing", async () => {
      const before = applies();
      const adopted = await peers.host.create(withProvider({ ...inputs, adoptId: filed.id }));
      assert.equal(adopted.id, filed.id);
      assert.equal(adopted.properties.reviewStatus, "reviewing");
      assert.equal(adopted.properties.adoptId, filed.id);
      assert.equal(applies(), before);
    });

    it("a mismatch is an error naming the fields, and nothing is recorded", async () => {
      const businessInfo = { ...inputs.businessInfo, businessCertificateName: "别家公司" };
      const other = { ...inputs, materialName: "别的资质", businessInfo, adoptId: filed.id };
      const before = applies();
      const error = await rejection(peers.host.create(withProvider(other)));
      assert.match(error.message, /\(AdoptMismatch\): qualification \d+ is not the one these inputs describe/);
      assert.match(error.message, /materialName is "领养的资质" there, "别的资质" here; /);
      assert.match(error.message, /businessInfo.businessCertificateName is "示例科技有限公司" there, "别家公司" here/);
      assert.equal(applies(), before);
    });

    it("an unknown id is an error, and a malformed one fails the preview", async () => {
      const error = await rejection(peers.host.create(withProvider({ ...inputs, adoptId: "12345" })));
      assert.match(error.message, /\(AdoptNotFound\): qualification 12345 is not listed by this account/);
      const checked = await peers.host.check({}, withProvider({ ...inputs, adoptId: "12a" }));
      assert.deepEqual(checked.failures, [
        {
          property: "",
          reason: "adoptId: must be a qualification id: a decimal integer as a string, as the console shows it",
        },
      ]);
    });

    it("a later change: the same id or none is no change; another id adopts that one (a replacement)", async () => {
      const diff = (adoptId?: string) =>
        peers.host.diff(filed.id, filed.properties, withProvider(adoptId ? { ...inputs, adoptId } : inputs));
      assert.equal((await diff(filed.id)).changes, "none");
      assert.equal((await diff(undefined)).changes, "none");
      const another = await diff("9007199254749999");
      assert.equal(another.changes, "some");
      assert.deepEqual(another.replaces, ["adoptId"]);
    });
  });

  describe("the duplicate guard", () => {
    it("refuses to file while one of the same name is under review, naming its id; nothing is sent", async () => {
      const inputs = validInputs({ materialName: "重复的资质" });
      const first = await peers.host.create(withProvider(inputs));
      const before = applies();
      const error = await rejection(peers.host.create(withProvider(inputs)));
      assert.match(error.message, /\(DuplicateUnderReview\): not filed: a qualification named "重复的资质"/);
      assert.match(error.message, new RegExp(`already under review \\(id ${first.id}\\)`));
      assert.match(error.message, new RegExp(`set adoptId: "${first.id}"`));
      assert.match(error.message, /set allowDuplicateName: true/);
      assert.equal(applies(), before);
    });

    it("files a second one when allowDuplicateName is set", async () => {
      const inputs = validInputs({ materialName: "有意重复", allowDuplicateName: true });
      await peers.host.create(withProvider(inputs));
      await peers.host.create(withProvider(inputs));
      assert.equal(named("有意重复").length, 2);
    });

    it("a replacement keeping the name waits for the old review (or the flag); after a decision it files", async () => {
      const inputs = validInputs({ materialName: "替换的资质" });
      const old = await peers.host.create(withProvider(inputs));
      const changed = { ...inputs, effectSignatures: ["示例科技", "示例"] };
      const diff = await peers.host.diff(old.id, old.properties, withProvider(changed));
      assert.deepEqual(diff.replaces, ["effectSignatures"]);
      const error = await rejection(peers.host.create(withProvider(changed)));
      assert.match(error.message, /A replacement that keeps the name while the old one is under review is refused/);
      peers.emulator.reject(old.id, OPINION);
      await peers.host.nextCommand();
      const replacement = await peers.host.create(withProvider(changed));
      assert.equal(named("替换的资质").length, 2);
      assert.notEqual(replacement.id, old.id);
    });
  });
});

describe("waitForApproval: after filing, create waits for the review's outcome", () => {
  const peers = usePeers();
  const withProvider = (props: Props) => ({ ...props, __provider: peers.providerText });
  const waiting = (materialName: string, timeoutSeconds: number) =>
    withProvider(validInputs({ materialName, waitForApproval: { timeoutSeconds, pollSeconds: 0.1 } }));
  /** Once the filing arrived (never before: the review of a qualification not filed yet cannot be decided). */
  const onceFiled = async (materialName: string, decide: (id: string) => void) => {
    const filed = () => peers.emulator.qualifications().find((q) => q.materialName === materialName);
    while (!filed()) await new Promise((resolve) => setTimeout(resolve, 20));
    decide(filed()!.id);
  };

  it("until approved: the outputs say so", async () => {
    const pending = peers.host.create(waiting("等待批准", 30));
    await onceFiled("等待批准", (id) => peers.emulator.approve(id));
    const created = await pending;
    assert.equal(created.properties.reviewStatus, "approved");
    assert.equal(created.properties.approved, true);
    assert.equal(created.properties.usable, true);
    assert.match(peers.host.stderr, /"等待批准" filed; waiting up to 30 s for its review/);
    await peers.host.waitForStderr(/"等待批准" is approved after \d+ s/);
  });

  it("until rejected: created with its id, status and reason, and a warning", async () => {
    const pending = peers.host.create(waiting("等待驳回", 30));
    await onceFiled("等待驳回", (id) => peers.emulator.reject(id, OPINION));
    const created = await pending;
    assert.match(created.id, /^\d+$/);
    assert.equal(created.properties.reviewStatus, "rejected");
    assert.equal(created.properties.reviewOpinion, OPINION);
    await peers.host.waitForStderr(/"等待驳回" was rejected: 营业执照扫描件模糊/);
  });

  it("until the timeout: created, still reviewing, with a warning", async () => {
    const created = await peers.host.create(waiting("等待超时", 1));
    assert.match(created.id, /^\d+$/);
    assert.equal(created.properties.reviewStatus, "reviewing");
    await peers.host.waitForStderr(
      /"等待超时" is still reviewing after 1 s: the wait ended, the qualification is recorded/,
    );
  });

  it("a wait that is not a number of seconds fails the preview", async () => {
    const inputs = validInputs({ waitForApproval: { timeoutSeconds: 0, pollSecond: 5 } });
    const checked = await peers.host.check({}, withProvider(inputs));
    assert.deepEqual(
      checked.failures.map((f) => f.reason),
      [
        "waitForApproval.timeoutSeconds: must be a number of seconds from 1 to 86400",
        "waitForApproval.pollSecond: is not a setting of waitForApproval (timeoutSeconds, pollSeconds)",
      ],
    );
  });

  it("changing only waitForApproval or allowDuplicateName is no change", async () => {
    const inputs = validInputs({ materialName: "无变化" });
    const created = await peers.host.create(withProvider(inputs));
    const news = { ...inputs, waitForApproval: { timeoutSeconds: 60 }, allowDuplicateName: true };
    assert.equal((await peers.host.diff(created.id, created.properties, withProvider(news))).changes, "none");
  });
});

describe("an account without GetSignatureIdentificationList (2026-01-01)", () => {
  const peers = usePeers();
  const count = (action: string) => peers.emulator.requests.filter((r) => r.action === action).length;

  it("falls back to GetSignatureIdentList once per process: approved, or unknown; no failure", async () => {
    const withProvider = (props: Props) => ({ ...props, __provider: peers.providerText });
    const approved = await peers.host.create(withProvider(validInputs({ materialName: "已批准" })));
    const pending = await peers.host.create(withProvider(validInputs({ materialName: "审核中" })));
    peers.emulator.approve(approved.id);
    await peers.host.nextCommand();
    peers.emulator.configure({ offerIdentificationList: false });

    const refreshedApproved = await peers.host.read(approved.id, approved.properties);
    assert.equal(refreshedApproved.properties.reviewStatus, "approved");
    assert.equal(refreshedApproved.properties.approved, true);
    const refreshedPending = await peers.host.read(pending.id, pending.properties);
    assert.equal(refreshedPending.properties.reviewStatus, "unknown");
    assert.equal(refreshedPending.properties.approved, false);
    assert.equal(refreshedPending.id, pending.id);

    assert.equal(count(GET_SIGNATURE_IDENTIFICATION_LIST.action), 3, "two guards, then the one that found it gone");
    assert.equal(count(GET_SIGNATURE_IDENT_LIST.action), 2);
    await peers.host.waitForStderr(/this account does not offer GetSignatureIdentificationList/);
    assert.equal(peers.host.stderr.split("this account does not offer").length - 1, 1, "said once");
  });
});

describe("a create killed in flight, then run again", () => {
  let emulator: RunningEmulator;
  let providerText: string;
  before(async () => {
    providerText = await serializeProvider(qualificationProvider);
    emulator = await startEmulator({ approvalDelayMs: null });
  });
  after(() => emulator.close());

  async function startHost(): Promise<ProviderHost> {
    const host = await ProviderHost.start({ cwd: REPO_ROOT });
    await host.configure(emulatorConfig(emulator));
    return host;
  }

  it("leaves exactly one qualification, and the second run names the id to adopt", async () => {
    const inputs = { ...validInputs({ materialName: "中断的资质" }), __provider: providerText };
    emulator.injectFault({ action: "ApplySignatureIdent", kind: "withhold-answer" });
    const first = await startHost();
    const inFlight = first.create(inputs).catch(() => undefined);
    while (emulator.qualifications().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.kill();
    await inFlight;
    const [filed] = emulator.qualifications();

    const second = await startHost();
    try {
      const error = await rejection(second.create(inputs));
      assert.match(error.message, new RegExp(`already under review \\(id ${filed!.id}\\)`));
      const adopted = await second.create({ ...inputs, adoptId: filed!.id });
      assert.equal(adopted.id, filed!.id);
      assert.equal(emulator.qualifications().length, 1);
    } finally {
      await second.stop();
    }
  });
});
