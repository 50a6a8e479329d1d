/**
 * `pulumi up` killed while Volcengine holds back the answer to ApplySmsSignatureV2, under the real CLI: the signature
 * was filed and the state does not know it. The next `up` files nothing twice: a signature's content is unique on
 * the account, so the filing answers 1003 and the provider takes the signature it finds.
 */
import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import { useExampleProject } from "./support/example-project";
import { endProcesses, killProcessGroup, type PulumiProject } from "./support/pulumi-cli";

describe("an up killed while the ApplySmsSignatureV2 answer is withheld, under the real CLI", () => {
  const stack = useExampleProject("interrupted-signature");
  let emulator: RunningEmulator;
  let project: PulumiProject;
  before(() => {
    ({ emulator, project } = stack);
  });

  it("files the qualification, which is then approved", async () => {
    await project.run(["up", "--yes"]);
    emulator.approve(emulator.qualifications()[0]!.id);
  });

  it("the CLI killed while the answer is held back: the signature was filed, the state does not hold it", async () => {
    emulator.injectFault({ action: "ApplySmsSignatureV2", kind: "withhold-answer" });
    const run = await project.run(["up", "--yes"], {
      allowFailure: true,
      onStart: (child) => {
        const poll = setInterval(() => {
          if (emulator.signatures().length === 0) return;
          clearInterval(poll);
          killProcessGroup(child);
        }, 50);
      },
    });
    assert.equal(run.signal, "SIGKILL");
    assert.equal(emulator.signatures().length, 1);
    await endProcesses(project.processes());
  });

  it("after pulumi cancel, the next up takes the signature the killed run filed: one on the account", async () => {
    await project.run(["cancel", "--yes"]);
    const { stdout } = await project.run(["up", "--yes"]);
    assert.match(stdout, /took the signature already on the account as this resource .*an earlier run filed it/);
    assert.equal(emulator.signatures().length, 1);
    assert.equal((await project.outputs()).signatureStatus, "filed");
  });
});
