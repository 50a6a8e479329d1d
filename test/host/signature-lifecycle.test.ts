/**
 * SmsSignature through Pulumi's own provider host against the emulator: waiting for its qualification, filing once,
 * settling an unknown outcome and 1003 by listing, refreshes, updates in place, replacement and deletion.
 */
import assert from "node:assert/strict";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { HostError, type Props, ProviderHost, serializeProvider } from "../../harness/provider-host";
import { apply, call } from "../support/emulator-client";
import { validSignatureInputs } from "../support/fixtures/signature";
import { emulatorConfig } from "../support/peers";
import { signatureProvider } from "../support/providers";
import { REPO_ROOT } from "../support/repo-root";

const CONTENT = "示例科技";

describe("SmsSignature through Pulumi's provider host", () => {
  let emulator: RunningEmulator;
  let host: ProviderHost;
  let providerText: string;

  before(async () => {
    providerText = await serializeProvider(signatureProvider);
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
  const sent = (action: string) => emulator.requests.filter((request) => request.action === action).length;
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => assert.fail("expected the call to fail"),
      (error: unknown) => {
        assert.ok(error instanceof HostError);
        return error;
      },
    );
  /** A qualification on the emulator, approved unless told otherwise. */
  async function qualification(approved = true): Promise<string> {
    const id = await apply(emulator);
    if (approved) emulator.approve(id);
    return id;
  }
  const inputs = (qualificationId: string, overrides: Props = {}) =>
    withProvider(validSignatureInputs({ qualificationId, ...overrides }));

  describe("the qualification comes first", () => {
    it("waits while its qualification is reviewed: nothing filed, a line naming it, the content as id", async () => {
      const id = await qualification(false);
      const created = await host.create(inputs(id));
      assert.equal(created.id, CONTENT);
      assert.equal(created.properties.status, "waiting-for-qualification");
      assert.equal(created.properties.qualificationStatus, "reviewing");
      assert.equal(sent("ApplySmsSignatureV2"), 0);
      await host.waitForStderr(
        new RegExp(`SmsSignature "${CONTENT}" is not filed yet: qualification ${id} "示例科技短信资质" is reviewing`),
      );
    });

    it("is a change in every preview while waiting, and the first up that finds it approved files it", async () => {
      const id = await qualification(false);
      const created = await host.create(inputs(id));
      const diff = await host.diff(CONTENT, created.properties, inputs(id));
      assert.deepEqual([diff.changes, diff.replaces], ["some", []]);
      await host.waitForStderr(/will be filed once qualification \d+ is approved/);
      const stillWaiting = await host.update(CONTENT, created.properties, inputs(id));
      assert.equal(stillWaiting.status, "waiting-for-qualification");
      assert.equal(sent("ApplySmsSignatureV2"), 0);
      emulator.approve(id);
      await host.nextCommand();
      const refreshed = await host.read(CONTENT, stillWaiting);
      await host.waitForStderr(/which is approved now: the next pulumi up files it/);
      const filed = await host.update(CONTENT, refreshed.properties, inputs(id));
      assert.equal(filed.status, "filed");
      assert.equal(filed.reviewStatus, "reviewing");
      assert.match(String(filed.applyId), /^SA\d+/);
      assert.equal(sent("ApplySmsSignatureV2"), 1);
    });

    it("a refresh while waiting reports its qualification's rejection without failing; up refuses", async () => {
      const id = await qualification(false);
      const created = await host.create(inputs(id));
      emulator.reject(id, "执照模糊");
      await host.nextCommand();
      const refreshed = await host.read(CONTENT, created.properties);
      assert.equal(refreshed.id, CONTENT);
      assert.equal(refreshed.properties.status, "waiting-for-qualification");
      assert.equal(refreshed.properties.qualificationStatus, "rejected");
      await host.waitForStderr(
        /is rejected \(执照模糊\), so no signature can be filed on it.*Next: fix the qualification/,
      );
      const refused = await rejection(host.update(CONTENT, refreshed.properties, inputs(id)));
      assert.match(refused.message, /QualificationNotUsable/);
      assert.equal(sent("ApplySmsSignatureV2"), 0);
    });

    it("refuses a qualification of another purpose, rejected, closed or missing, naming both", async () => {
      const approved = await qualification();
      const rejected = await qualification(false);
      emulator.reject(rejected, "执照模糊");
      const closed = await qualification(false);
      emulator.setStatus(closed, "closed");
      const cases: [Props, RegExp][] = [
        [inputs(approved, { purpose: 2 }), /QualificationPurposeMismatch.*purpose is 2 \(他用\) but qualification/],
        [inputs(rejected), /QualificationNotUsable.*is rejected \(执照模糊\)/],
        [inputs(closed), /QualificationNotUsable.*is closed/],
        [inputs("123"), /QualificationNotFound.*qualification 123 is not on this account/],
      ];
      for (const [given, pattern] of cases) assert.match((await rejection(host.create(given))).message, pattern);
      assert.equal(sent("ApplySmsSignatureV2"), 0);
    });
  });

  describe("filing, once", () => {
    it("files with one request on an approved qualification: reviewing, the applyId kept", async () => {
      const id = await qualification();
      const created = await host.create(inputs(id));
      assert.deepEqual(
        [created.id, created.properties.status, created.properties.reviewStatus],
        [CONTENT, "filed", "reviewing"],
      );
      assert.equal(sent("ApplySmsSignatureV2"), 1);
      assert.equal(emulator.signatures().length, 1);
      const body = emulator.requests.find((r) => r.action === "ApplySmsSignatureV2")?.body as Props;
      assert.equal(body.signatureIdentificationID, BigInt(id), "the int64 qualification id exact");
    });

    it("takes the signature an earlier run filed (1003: same qualification, purpose, source), saying so", async () => {
      const id = await qualification();
      await call(
        emulator,
        "ApplySmsSignatureV2",
        { content: CONTENT, source: 1, purpose: 1, signatureIdentificationID: BigInt(id) },
        { version: "2025-01-01" },
      );
      const created = await host.create(inputs(id));
      assert.equal(created.properties.status, "filed");
      await host.waitForStderr(/took the signature already on the account as this resource .*an earlier run filed it/);
      assert.equal(emulator.signatures().length, 1);
    });

    it("refuses a content taken by a signature of another qualification, naming it and what to do", async () => {
      const mine = await qualification();
      const other = await qualification();
      await call(
        emulator,
        "ApplySmsSignatureV2",
        { content: CONTENT, source: 1, purpose: 1, signatureIdentificationID: BigInt(other) },
        { version: "2025-01-01" },
      );
      const error = await rejection(host.create(inputs(mine)));
      assert.match(error.message, new RegExp(`SignatureTaken.*with qualification ${other}.*choose another content`));
      assert.equal(emulator.signatures().length, 1);
    });

    it("after a lost answer (reset after it was read) lists the content and takes it: one signature", async () => {
      const id = await qualification();
      emulator.injectFault({ action: "ApplySmsSignatureV2", kind: "reset-after-read" });
      const created = await host.create(inputs(id));
      assert.equal(created.properties.status, "filed");
      await host.waitForStderr(/the answer to the filing was lost/);
      assert.equal(sent("ApplySmsSignatureV2"), 1, "never sent twice");
      assert.equal(emulator.signatures().length, 1);
    });

    it("a host killed while the answer is withheld: the next create takes what it filed, one in all", async () => {
      const id = await qualification();
      emulator.injectFault({ action: "ApplySmsSignatureV2", kind: "withhold-answer" });
      const pending = host.create(inputs(id)).catch(() => undefined);
      while (emulator.signatures().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await host.kill();
      await pending;
      host = await ProviderHost.start({ cwd: REPO_ROOT });
      await host.configure(emulatorConfig(emulator));
      const created = await host.create(inputs(id));
      assert.equal(created.properties.status, "filed");
      assert.equal(emulator.signatures().length, 1);
    });

    it("waits for its own review when waitForApproval says so", async () => {
      const id = await qualification();
      const waiting = host.create(inputs(id, { waitForApproval: { timeoutSeconds: 30, pollSeconds: 0.1 } }));
      while (emulator.signatures().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      emulator.approveSignature(CONTENT);
      const created = await waiting;
      assert.equal(created.properties.reviewStatus, "approved");
      assert.notEqual(created.properties.rowId, "", "the signature row as listed after the wait");
    });
  });

  describe("refresh", () => {
    it("says what changed: approved (the carriers next), the carriers' filing, a rejection's reason", async () => {
      const id = await qualification();
      let props = (await host.create(inputs(id))).properties;
      emulator.approveSignature(CONTENT);
      await host.nextCommand();
      props = (await host.read(CONTENT, props)).properties;
      assert.deepEqual([props.reviewStatus, props.usable], ["approved", true]);
      assert.equal((props.reportStatus as Props).status, "filing");
      await host.waitForStderr(/reviewing → approved\. Next: the carriers file it next \(7–10 working days/);
      emulator.fileSignatureWithCarriers(CONTENT, { ct: { status: 3, reason: "签名未报备" } });
      await host.nextCommand();
      props = (await host.read(CONTENT, props)).properties;
      await host.waitForStderr(/carriers' filing filing → failed \(ct: 签名未报备\)/);
      emulator.setSignatureStatus(CONTENT, "rejected", "签名与企业不符");
      await host.nextCommand();
      props = (await host.read(CONTENT, props)).properties;
      assert.equal(props.reviewOpinion, "签名与企业不符");
      await host.waitForStderr(/approved → rejected: 签名与企业不符\. Next: fix what the reason names/);
    });

    it("keeps the declared purpose and source the platform rewrote, with a warning, no replacement", async () => {
      const id = await qualification();
      const created = await host.create(inputs(id));
      emulator.rewriteSignature(CONTENT, { source: 3 });
      const refreshed = await host.read(CONTENT, created.properties);
      assert.equal(refreshed.properties.source, 1);
      await host.waitForStderr(/lists it with source 1 → 3, changed by Volcengine itself .*nothing is replaced/);
      assert.equal((await host.diff(CONTENT, refreshed.properties, inputs(id))).changes, "none");
    });

    it("drops a signature deleted in the console from the state, with a warning", async () => {
      const id = await qualification();
      const created = await host.create(inputs(id));
      emulator.removeSignature(CONTENT);
      const read = await host.read(CONTENT, created.properties);
      assert.equal(read.id, "");
      await host.waitForStderr(/is not on the account any more \(deleted in the console\?\): it leaves the state/);
    });
  });

  describe("changes", () => {
    it("updates in place what the API can change; a new content is a replacement", async () => {
      const id = await qualification();
      const created = await host.create(inputs(id));
      emulator.approveSignature(CONTENT);
      const props = (await host.read(CONTENT, created.properties)).properties;
      const changed = inputs(id, { desc: "新的说明", channelTypes: ["CN_OTP"] });
      const diff = await host.diff(CONTENT, props, changed);
      assert.deepEqual([diff.changes, diff.replaces], ["some", []]);
      await host.waitForStderr(/is updated in place \(UpdateSmsSignature; the change is reviewed\): .*desc changed/);
      const updated = await host.update(CONTENT, props, changed);
      assert.deepEqual([updated.desc, updated.updateReviewStatus], ["新的说明", "reviewing"]);
      assert.equal(sent("UpdateSmsSignature"), 1);
      const renamed = await host.diff(CONTENT, updated, inputs(id, { content: "示例二" }));
      assert.deepEqual(renamed.replaces, ["content"]);
      assert.equal(renamed.deleteBeforeReplace, false);
    });

    it("reports an update the API refused (under review) and what to do; nothing is changed", async () => {
      const id = await qualification();
      const created = await host.create(inputs(id));
      const error = await rejection(host.update(CONTENT, created.properties, inputs(id, { desc: "新的说明" })));
      assert.match(
        error.message,
        /UpdateSmsSignature failed \(1001.*under review.*What to do: Volcengine refused the change/,
      );
      assert.equal(emulator.signatures()[0]?.desc, "示例科技的登录验证码与订单通知");
    });
  });

  describe("delete", () => {
    it("withdraws one under review, deletes an approved one, and says the qualification stays", async () => {
      const id = await qualification();
      const created = await host.create(inputs(id));
      await host.delete(CONTENT, created.properties);
      await host.waitForStderr(
        new RegExp(`withdrawn from review and removed from the account; its qualification ${id} stays`),
      );
      const again = await host.create(inputs(id));
      emulator.approveSignature(CONTENT);
      await host.delete(CONTENT, again.properties);
      await host.waitForStderr(/"示例科技": deleted from the account/);
      assert.deepEqual(emulator.signatures(), []);
    });

    it("deletes the row as it now is when the order was decided meanwhile (1005), and succeeds when gone", async () => {
      const id = await qualification();
      const created = await host.create(inputs(id));
      emulator.injectFault({ action: "DeleteSignature", kind: "business-error", code: "1005" });
      await host.delete(CONTENT, created.properties);
      assert.deepEqual(emulator.signatures(), []);
      assert.equal(sent("DeleteSignature"), 2);
      await host.delete(CONTENT, created.properties);
      await host.waitForStderr(/already gone from the account/);
    });

    it("a signature that only waited leaves the state without a request", async () => {
      const id = await qualification(false);
      const created = await host.create(inputs(id));
      const before = emulator.requests.length;
      await host.delete(CONTENT, created.properties);
      assert.equal(emulator.requests.length, before);
      await host.waitForStderr(/was never filed \(it waited for its qualification\): it leaves the state only/);
    });
  });
});
