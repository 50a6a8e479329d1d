import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { selfSignedCertificate } from "../../emulator";
import { HostError, type Props, ProviderHost } from "../../harness/provider-host";
import { GET_SIGNATURE_IDENTIFICATION_LIST } from "../../provider/api/qualification/get-signature-identification-list";
import { apply } from "../support/emulator-client";
import { validInputs } from "../support/fixtures/qualification";
import { pattern } from "../support/pattern";
import { emulatorConfig, usePeers } from "../support/peers";
import { REPO_ROOT } from "../support/repo-root";

/** `count` calls, `inFlight` at a time, as `pulumi up` runs operations (16 by default); each outcome in order. */
async function inFlight<T>(count: number, parallel: number, call: (i: number) => Promise<T>) {
  const outcomes: Array<{ ok: true; value: T } | { ok: false; error: Error }> = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      try {
        outcomes[i] = { ok: true, value: await call(i) };
      } catch (error) {
        outcomes[i] = { ok: false, error: error as Error };
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return outcomes;
}

/** A platform files for many companies: one name each, so the duplicate guard (one list request) runs and passes. */
const clientQualification = (i: number) => validInputs({ materialName: `客户${i}的短信资质` });

const THROTTLED_LINE = () => /is throttling requests \(FlowLimitExceeded, HTTP 429\)/g;
const RECOVERED_LINE = () => /stopped throttling: (\d+) refused requests were retried and (\d+) waited/g;

describe("a 100-resource stack, a gateway allowing 20 requests a second (provider host, 16 in flight)", () => {
  // Default retry settings: what a user gets.
  const peers = usePeers(undefined, { rateLimitPerSecond: 20 });
  const inputs = (i: number): Props => ({ ...clientQualification(i), __provider: peers.providerText });
  let outcomes: Awaited<ReturnType<typeof inFlight<{ id: string }>>>;

  before(async function () {
    this.timeout(120_000);
    outcomes = await inFlight(100, 16, (i) => peers.host.create(inputs(i)));
  });

  it("creates all 100, each once: no duplicates, and only refused requests were sent again", () => {
    const failed = outcomes.filter((o) => !o.ok).map((o) => (o.ok ? "" : o.error.message));
    assert.deepEqual(failed, []);
    const ids = outcomes.map((o) => (o.ok ? o.value.id : ""));
    assert.equal(new Set(ids).size, 100);
    const counters = peers.emulator.counters();
    assert.ok(counters.throttled > 0, "the gateway never throttled: the test proves nothing");
    assert.equal(counters.filed, 100);
    assert.equal(peers.emulator.qualifications().length, 100);
    assertOnlyRefusedFilingsSentAgain(peers.emulator.requests, counters.filed);
  });

  it("reports throttling once per spell, with the counts, never per request", async function () {
    this.timeout(20_000);
    // A spell is over after 5 s without a refusal.
    const spellsOver = () => {
      const text = peers.host.stderr;
      return (text.match(THROTTLED_LINE()) ?? []).length === (text.match(RECOVERED_LINE()) ?? []).length;
    };
    for (const deadline = Date.now() + 15_000; !spellsOver() && Date.now() < deadline; )
      await new Promise((resolve) => setTimeout(resolve, 100));
    const stderr = peers.host.stderr;
    assert.doesNotMatch(stderr, /attempt \d+ of \d+ failed \(FlowLimitExceeded/);
    const spells = stderr.match(THROTTLED_LINE()) ?? [];
    const recovered = [...stderr.matchAll(RECOVERED_LINE())];
    assert.equal(spells.length, recovered.length);
    assert.ok(spells.length <= 2, `${spells.length} spells in a 100-create run:\n${stderr}`);
    const refused = recovered.reduce((sum, match) => sum + Number(match[1]), 0);
    assert.equal(refused, peers.emulator.counters().throttled, "every refused request is counted, once");
  });
});

describe("a filing that may have been carried out is never sent again, even while throttled", () => {
  const peers = usePeers(undefined, { rateLimitPerSecond: 20 });

  it("40 creates, first filing's connection reset once read: 39 created, 1 'may have been filed'", async function () {
    this.timeout(60_000);
    peers.emulator.injectFault({ action: "ApplySignatureIdent", kind: "reset-after-read" });
    const outcomes = await inFlight(40, 16, (i) =>
      peers.host.create({ ...clientQualification(i), __provider: peers.providerText }),
    );
    const failures = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
    assert.equal(failures.length, 1);
    assert.ok(failures[0] instanceof HostError);
    assert.match(failures[0].message, /may have been carried out, and it was not repeated/);
    const counters = peers.emulator.counters();
    assert.ok(counters.throttled > 0, "the gateway never throttled: the test proves nothing");
    assertOnlyRefusedFilingsSentAgain(peers.emulator.requests, counters.filed);
  });
});

/** Every filing request the gateway received was either filed or refused by the rate limit (nothing filed). */
function assertOnlyRefusedFilingsSentAgain(requests: readonly { action: string; code?: string }[], filed: number) {
  const applies = requests.filter((r) => r.action === "ApplySignatureIdent");
  const refused = applies.filter((r) => r.code === "FlowLimitExceeded").length;
  assert.equal(applies.length, filed + refused);
}

describe("requests per resource, 16 in flight (counted by the emulator)", () => {
  const peers = usePeers();
  const LIST = GET_SIGNATURE_IDENTIFICATION_LIST.action;

  it("a single refresh costs one request, as it did before reads were shared", async () => {
    const id = await apply(peers.emulator);
    peers.emulator.resetCounters();
    const read = await peers.host.read(id, { ...validInputs(), __provider: peers.providerText });
    assert.equal(read.id, id);
    assert.equal(peers.emulator.counters().received[LIST], 1);
  });

  it("100 creates: 100 filings, and the duplicate guards share one listing of what is under review", async () => {
    peers.emulator.resetCounters();
    const outcomes = await inFlight(100, 16, (i) =>
      peers.host.create({ ...clientQualification(i), __provider: peers.providerText }),
    );
    assert.deepEqual(
      outcomes.filter((o) => !o.ok),
      [],
    );
    const { received } = peers.emulator.counters();
    assert.equal(received.ApplySignatureIdent, 100);
    assert.equal(received[LIST], 1, "one page: nothing was under review, and this process's filings are remembered");
  });

  it("a second filing of a name this process filed is refused by the guard without asking the account", async () => {
    peers.emulator.resetCounters();
    const again = await peers.host
      .create({ ...clientQualification(7), __provider: peers.providerText })
      .catch((error: unknown) => error);
    assert.ok(again instanceof HostError);
    assert.match(again.message, /DuplicateUnderReview.*客户7的短信资质/);
    assert.equal(peers.emulator.counters().received.ApplySignatureIdent ?? 0, 0);
  });

  it("500 refreshes of an account holding those 500: its 5 list pages, not 500 requests", async function () {
    this.timeout(120_000);
    while (peers.emulator.qualifications().length < 500) await apply(peers.emulator);
    const all = peers.emulator.qualifications().map((q) => q.id);
    assert.equal(all.length, 500);
    peers.emulator.resetCounters();
    const stored = { ...validInputs(), reviewStatus: "reviewing", __provider: peers.providerText };
    const outcomes = await inFlight(500, 16, (i) => peers.host.read(all[i]!, stored));
    assert.ok(outcomes.every((o) => o.ok && o.value.id === all[outcomes.indexOf(o)]));
    console.log(
      peers.emulator.requests
        .filter((r) => r.action === LIST)
        .slice(-12)
        .map((r) => JSON.stringify(r.body, (_k, v) => (typeof v === "bigint" ? String(v) : v))),
    );
    assert.equal(peers.emulator.counters().received[LIST], 5);
  });

  it("a refresh within 30 s of a full listing is answered by it, without a request", async () => {
    peers.emulator.resetCounters();
    const id = peers.emulator.qualifications()[0]!.id;
    await peers.host.read(id, { ...validInputs(), __provider: peers.providerText });
    assert.equal(peers.emulator.counters().received[LIST], undefined);
  });
});

describe("connections (counted by the emulator)", () => {
  const peers = usePeers();
  let created: { id: string; properties: Props };

  before(async () => {
    created = await peers.host.create({ ...validInputs(), __provider: peers.providerText });
  });

  it("refreshes share kept-alive connections", async () => {
    peers.emulator.resetCounters();
    const outcomes = await inFlight(60, 16, () => peers.host.read(created.id, created.properties));
    assert.ok(outcomes.every((o) => o.ok));
    const { connections, received } = peers.emulator.counters();
    // Refreshes that arrive together share their requests (see the request counts below).
    assert.ok((received[GET_SIGNATURE_IDENTIFICATION_LIST.action] ?? 0) >= 1);
    assert.ok(connections <= 16, `${connections} connections for 60 refreshes, 16 in flight`);
  });

  it("every filing goes out on a connection of its own, so a stale one can never make it ambiguous", async () => {
    peers.emulator.resetCounters();
    // Without the duplicate guard's list request, whose connections are shared: only filings are counted.
    const filing = { ...validInputs({ allowDuplicateName: true }), __provider: peers.providerText };
    await inFlight(6, 3, () => peers.host.create(filing));
    const { connections, received } = peers.emulator.counters();
    assert.equal(received.ApplySignatureIdent, 6);
    assert.equal(connections, 6);
  });
});

describe("https with the emulator's self-signed certificate and volcengine:smsCaFile", () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sms-ca-"));
  const caFile = path.join(scratch, "emulator-ca.pem");
  const peers = usePeers(
    (emulator) => {
      fs.writeFileSync(caFile, emulator.certificate ?? "");
      return emulatorConfig(emulator, { "volcengine:smsCaFile": caFile });
    },
    { https: true },
  );
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("creates and refreshes over https", async () => {
    assert.match(peers.emulator.endpoint, /^https:\/\/127\.0\.0\.1:\d+$/);
    const created = await peers.host.create({ ...validInputs(), __provider: peers.providerText });
    peers.emulator.approve(created.id);
    const refreshed = await peers.host.read(created.id, created.properties);
    assert.equal(refreshed.id, created.id);
    assert.equal(refreshed.properties.approved, true);
  });

  /** A host of its own: Pulumi's host configures a provider once, so other settings need another host. */
  async function createWith(extra: Record<string, string>): Promise<Error> {
    const host = await ProviderHost.start({ cwd: REPO_ROOT });
    try {
      await host.configure(emulatorConfig(peers.emulator, extra));
      const error = await host.create({ ...validInputs(), __provider: peers.providerText }).catch((e: unknown) => e);
      assert.ok(error instanceof HostError, `expected an error, got ${JSON.stringify(error)}`);
      return error;
    } finally {
      await host.stop();
    }
  }

  it("without the CA, or with another, fails before anything is sent, naming the setting", async () => {
    const otherCa = path.join(scratch, "other-ca.pem");
    fs.writeFileSync(otherCa, selfSignedCertificate("another CA", { dns: ["localhost"], ip: ["127.0.0.1"] }).cert);
    const settings: Array<Record<string, string>> = [{ "volcengine:smsCaFile": otherCa }, {}];
    for (const extra of settings) {
      const before = peers.emulator.requests.length;
      const error = await createWith(extra);
      assert.match(
        error.message,
        // The duplicate guard's list request is the first to meet the certificate.
        pattern(
          `${GET_SIGNATURE_IDENTIFICATION_LIST.action} failed `,
          /\((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)/,
        ),
      );
      assert.match(error.message, /nothing was sent.*volcengine:smsCaFile \/ VOLCENGINE_SMS_CA_FILE/);
      assert.doesNotMatch(error.message, /may have been/);
      assert.equal(peers.emulator.requests.length, before, "no request reached the server");
    }
  });

  it("a CA file that cannot be read is a setting error that names it", async () => {
    const error = await createWith({ "volcengine:smsCaFile": path.join(scratch, "missing.pem") });
    assert.match(
      error.message,
      /volcengine:smsCaFile \/ VOLCENGINE_SMS_CA_FILE is ".*missing\.pem", which cannot be read \(ENOENT\)/,
    );
  });
});
