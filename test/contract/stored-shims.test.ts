/**
 * The one contract that can never change: every resource's state holds the serialized provider (`__provider`) its
 * release wrote, and the engine runs that old text for read and delete (and for check and diff until the program
 * registers the resource again). Each fixture is the exact text a release wrote; each must still run every method
 * against today's runtime through Pulumi's own provider host. A runtime name that disappears fails here.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { HostError, ProviderHost } from "../../harness/provider-host";
import { propertyOf } from "../support/failures";
import { validInputs } from "../support/fixtures/qualification";
import { emulatorConfig } from "../support/peers";
import { REPO_ROOT } from "../support/repo-root";

const FIXTURES = path.join(__dirname, "fixtures");

/** The shim texts that releases wrote, by fixture file, each with the resource it was written for. */
const STORED_SHIMS: Array<{ file: string; writtenBy: string }> = [
  { file: "shim-0.1.0-first.txt", writtenBy: "the first shim (265f1dd): one loader call per method" },
  { file: "shim-0.1.0.txt", writtenBy: "0.1.0 as installed from npm: seven one-line methods and one loader" },
  {
    file: "shim-0.2.0-package-sms-signature-ident.txt",
    writtenBy: "0.2.0 as installed from npm: one require of the package's shim module",
  },
  {
    file: "shim-0.2.0-by-value-sms-signature-ident.txt",
    writtenBy: "0.2.0 from a checkout or a linked install: seven calls of runtime.dispatch",
  },
];

for (const { file, writtenBy } of STORED_SHIMS) {
  describe(`a qualification's state written by ${writtenBy} (${file})`, () => {
    const providerText = fs.readFileSync(path.join(FIXTURES, file), "utf8");
    let emulator: RunningEmulator;
    let host: ProviderHost;
    let id: string;
    let outputs: Record<string, unknown>;
    before(async () => {
      emulator = await startEmulator({ approvalDelayMs: null });
      host = await ProviderHost.start({ cwd: REPO_ROOT });
      await host.configure(emulatorConfig(emulator));
    });
    after(async () => {
      await host?.stop();
      await emulator?.close();
    });

    const inputs = (): Record<string, any> => ({ ...validInputs(), __provider: providerText });

    it("checks: valid inputs pass, a mistyped mobile is named", async () => {
      assert.deepEqual((await host.check({}, inputs())).failures, []);
      const mistyped = inputs();
      mistyped.operatorPerson.personMobile = "1380013800";
      const { failures } = await host.check({}, mistyped);
      assert.deepEqual(
        failures.map((failure) => [failure.property, propertyOf(failure)]),
        [["", "operatorPerson"]],
      );
      assert.match(failures[0]?.reason ?? "", /operatorPerson\.personMobile/);
    });

    it("creates: files once and returns the int64 id exactly", async () => {
      const created = await host.create(inputs());
      ({ id, properties: outputs } = created);
      assert.equal(id, "9007199254740993");
      assert.equal(emulator.requests.filter((request) => request.action === "ApplySignatureIdent").length, 1);
      assert.equal(outputs.reviewStatus, "reviewing");
      assert.equal(outputs.__provider, providerText, "the host keeps the stored text in the outputs");
    });

    it("diffs: the same inputs are no change, another name is a replacement", async () => {
      assert.equal((await host.diff(id, outputs, inputs())).changes, "none");
      const renamed = await host.diff(id, outputs, { ...inputs(), materialName: "另一个资质" });
      assert.equal(renamed.changes, "some");
      assert.deepEqual(renamed.replaces, ["materialName"]);
    });

    it("reads: the review state as Volcengine lists it", async () => {
      emulator.approve(id);
      const read = await host.read(id, outputs);
      assert.equal(read.id, id);
      assert.equal(read.properties.reviewStatus, "approved");
      assert.equal(read.properties.approved, true);
      outputs = read.properties;
    });

    it("updates: refused, since every change of a qualification is a new filing", async () => {
      await assert.rejects(
        host.update(id, outputs, inputs()),
        (error: unknown) => error instanceof HostError && /cannot be updated in place/.test(error.message),
      );
    });

    it("deletes: removed from the state with the warning that it stays on the account", async () => {
      const requests = emulator.requests.length;
      await host.delete(id, outputs);
      await host.waitForStderr(new RegExp(`qualification ${id} .*stays on the Volcengine account`));
      assert.equal(emulator.requests.length, requests, "there is no delete action to call");
    });
  });
}
