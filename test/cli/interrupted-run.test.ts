/**
 * `pulumi up` killed while Volcengine holds back the answer to ApplySignatureIdent, under the real CLI: what the next
 * `up` and `refresh` do, and the README's recovery ("If `pulumi up` was interrupted") followed step by step. Then a
 * rejection seen through `pulumi refresh`. The steps share one stack and run in order.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { EXAMPLE_PROJECT } from "../support/example-stack";
import { useExampleProject } from "./support/example-project";
import { endProcesses, killProcessGroup, type PulumiProject, qualificationsIn, REPO_ROOT } from "./support/pulumi-cli";

const NAME = "示例科技短信资质";
const OPINION = "营业执照已过期，请上传有效期内的执照";

describe("an interrupted pulumi up under the real CLI, and the recovery the README gives", () => {
  const stack = useExampleProject("interrupted");
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let filedId: string;
  before(() => {
    ({ emulator, project } = stack);
  });

  const applies = () => emulator.requests.filter((r) => r.action === "ApplySignatureIdent").length;

  it("the CLI killed while the answer is held back: the qualification was filed, the state has no id", async () => {
    emulator.injectFault({ action: "ApplySignatureIdent", kind: "withhold-answer" });
    const run = await project.run(["up", "--yes"], {
      allowFailure: true,
      onStart: (child) => {
        const poll = setInterval(() => {
          if (emulator.qualifications().length === 0) return;
          clearInterval(poll);
          killProcessGroup(child);
        }, 50);
      },
    });
    assert.equal(run.signal, "SIGKILL");
    // The CLI's plugins are no part of its process group: the kill leaves them running, until the project ends them.
    project.transcript.push(`(processes of the killed run still running: ${project.processes().length})`);
    const filed = emulator.qualifications();
    assert.equal(filed.length, 1);
    filedId = filed[0]!.id;
    assert.deepEqual(qualificationsIn((await project.exportState()).deployment), []);
  });

  it("the next command stops at the lock the killed run left; pulumi cancel removes it", async () => {
    const locked = await project.run(["up", "--yes"], { allowFailure: true });
    assert.notEqual(locked.exitCode, 0);
    assert.match(locked.stdout + locked.stderr, /the stack is currently locked by 1 lock\(s\)/);
    await project.run(["cancel", "--yes"]);
  });

  it("the next pulumi up files nothing: it names the qualification under review and how to adopt it", async () => {
    const before = applies();
    const { exitCode, stdout } = await project.run(["up", "--yes"], { allowFailure: true });
    assert.notEqual(exitCode, 0);
    assert.match(stdout, /1 pending operations from previous deployment/, "the CLI reports the interrupted create");
    assert.match(stdout, new RegExp(`already under review \\(id ${filedId}\\)`));
    assert.match(stdout, new RegExp(`set adoptId: "${filedId}"`));
    assert.equal(applies(), before);
  });

  it("refresh --clear-pending-creates drops the interrupted create from the state; nothing is filed", async () => {
    const before = applies();
    const pending = (await project.exportState()).deployment.pending_operations ?? [];
    assert.deepEqual(
      pending.map((operation: { type: string }) => operation.type),
      ["creating"],
      "a plain up or refresh keeps it",
    );
    await project.run(["refresh", "--yes", "--clear-pending-creates"]);
    const { deployment } = await project.exportState();
    assert.deepEqual(deployment.pending_operations ?? [], []);
    assert.deepEqual(qualificationsIn(deployment), []);
    assert.equal(applies(), before);
  });

  it("the qualifications command, run in the project, finds the id with the stack's own credentials", async () => {
    const { stdout } = await qualificationsCommand(project, ["--name", NAME, "--status", "reviewing"]);
    assert.match(stdout, new RegExp(`^${filedId}\\s+${NAME}\\s+reviewing`, "m"));
  });

  it("with adoptId set, pulumi up records that qualification and files nothing: exactly one exists", async () => {
    await project.setConfig(`${EXAMPLE_PROJECT}:adoptId`, filedId);
    const before = applies();
    await project.run(["up", "--yes"]);
    assert.equal(applies(), before);
    assert.equal(emulator.qualifications().length, 1);
    const [resource] = qualificationsIn((await project.exportState()).deployment);
    assert.equal(resource.id, filedId);
    assert.equal((await project.outputs()).reviewStatus, "reviewing");
  });

  it("pulumi refresh shows a rejection with the reviewer's reason and what to do; it stays in the state", async () => {
    emulator.reject(filedId, OPINION);
    const { stdout } = await project.run(["refresh", "--yes"]);
    assert.match(stdout, new RegExp(`qualification ${filedId} "${NAME}": reviewing → rejected: ${OPINION}`));
    assert.match(stdout, /Fix the inputs the reason names; pulumi up then files a new qualification/);
    const [resource] = qualificationsIn((await project.exportState()).deployment);
    assert.equal(resource.id, filedId);
    assert.equal(resource.outputs.reviewStatus, "rejected");
    assert.equal(resource.outputs.reviewOpinion, OPINION);
  });

  it("ends every process the killed pulumi up left running, plugins included: none is left", async () => {
    await endProcesses(project.processes());
    assert.deepEqual(project.processes(), []);
  });
});

/** `npx pulumi-volcengine-sms qualifications …` in the project folder, with the CLI on PATH and no VOLCENGINE_ env. */
function qualificationsCommand(project: PulumiProject, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const bin = path.join(REPO_ROOT, "dist", "provider", "cli", "main.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, "qualifications", ...args],
      { cwd: project.dir, env: project.env() },
      (error, stdout, stderr) => {
        project.transcript.push(`$ pulumi-volcengine-sms qualifications ${args.join(" ")}\n${stdout}${stderr}`);
        if (error) reject(new Error(`${error.message}\n${stdout}${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}
