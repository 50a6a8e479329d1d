/** Starts bench/emulator-child.ts as a separate process on loopback and stops it (by its own pid) when done. */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import { repoRoot } from "./fixtures";

export interface EmulatorProcess {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** The stack config a provider needs to talk to it. */
  config: Record<string, string>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["-r", "ts-node/register", path.join(__dirname, "emulator-child.ts")],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the emulator process exited with ${code}: ${stderr}`)));
  });
  const info = JSON.parse(line) as Omit<EmulatorProcess, "config" | "stop">;
  return {
    ...info,
    config: {
      "volcengine:accessKey": info.accessKey,
      "volcengine:secretKey": info.secretKey,
      "volcengine:region": info.region,
      "volcengine:smsEndpoint": info.endpoint,
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
