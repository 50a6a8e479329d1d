/** Runs examples/platform as a platform does, for the tests and the bench. */
import { spawn } from "node:child_process";
import * as path from "node:path";
import type { RunningEmulator } from "../../../emulator";
import { killProcessGroup, type PulumiProject, REPO_ROOT } from "./pulumi-cli";

export interface PlatformRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `node -r ts-node/register examples/platform/run.ts …` from the repository root, with the test's CLI first on PATH,
 * its PULUMI_HOME and run marker (so that a leftover process is found), and the emulator's endpoint and keys.
 */
export function runPlatform(
  project: PulumiProject,
  emulator: RunningEmulator,
  args: string[],
  timeoutMs: number,
): Promise<PlatformRun> {
  const env: NodeJS.ProcessEnv = {
    ...project.env(),
    VOLCENGINE_SMS_ENDPOINT: emulator.endpoint,
    VOLCENGINE_ACCESS_KEY: emulator.accessKey,
    VOLCENGINE_SECRET_KEY: emulator.secretKey,
    VOLCENGINE_REGION: emulator.region,
  };
  // The program's own default: a file backend inside its work folder.
  delete env.PULUMI_BACKEND_URL;
  const argv = ["-r", "ts-node/register", path.join("examples", "platform", "run.ts"), ...args];
  return new Promise((resolve, reject) => {
    // A process group of its own, so that a timeout takes the CLIs and provider hosts along.
    const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, env, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => killProcessGroup(child), timeoutMs);
    child.on("error", reject);
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      project.transcript.push(`$ node ${argv.join(" ")}  (exit ${exitCode ?? signal})\n${stdout}${stderr}`);
      resolve({ exitCode, stdout, stderr });
    });
  });
}
