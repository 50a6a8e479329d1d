/**
 * The real `pulumi` CLI (built by `npm run pulumi-cli` into .tools/pulumi/bin) run on a copy of the example
 * project, with a local file backend and a PULUMI_HOME of its own in a temp folder: nothing of the user's home is
 * touched and nothing leaves the machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const PULUMI_BIN = path.join(REPO_ROOT, ".tools", "pulumi", "bin");
export const STACK = "dev";
/** Generous: the first command of a project compiles the TypeScript program and starts Pulumi's plugins. */
export const COMMAND_TIMEOUT_MS = 120_000;

/**
 * Every process a project's commands start inherits this variable, with a value of the project's own: the CLI's
 * plugins are no children of the test, and those of a killed `pulumi up` outlive it (the language host, the
 * provider launcher, the dynamic-provider host), so they are found by it and ended.
 */
const MARKER = "PULUMI_VOLCENGINE_SMS_TEST_RUN";
const RUN = `${process.pid}-${Date.now()}`;

export interface CliRun {
  args: string[];
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Resolves when the command exits non-zero instead of rejecting. */
  allowFailure?: boolean;
  timeoutMs?: number;
  /** Called once the process started, e.g. to kill it mid-run. */
  onStart?: (child: ChildProcess) => void;
}

/** A copy of the repository's Pulumi project (Pulumi.yaml and examples/) in a temp folder, with its own backend. */
export class PulumiProject {
  /** Every command's output, printed by the tests when one fails. */
  readonly transcript: string[] = [];

  private readonly marker = `${RUN}-${Math.random().toString(36).slice(2)}`;

  private constructor(
    readonly dir: string,
    /** Holds PULUMI_HOME and the file backend; removed with the project. */
    private readonly base: string,
    /** The Node.js that runs the program and the provider host; default: the one running the tests. */
    private readonly nodeBin = path.dirname(process.execPath),
  ) {
    fs.mkdirSync(path.join(base, "home"), { recursive: true });
    fs.mkdirSync(path.join(base, "state"), { recursive: true });
  }

  static create(name: string): PulumiProject {
    const base = PulumiProject.newBase(name);
    const dir = path.join(base, "project");
    fs.mkdirSync(dir);
    // The repository root as the README runs it: package.json included, since Pulumi reads the program's entry
    // point from it when Pulumi.yaml's main names a folder.
    for (const file of ["Pulumi.yaml", "tsconfig.json", "package.json"]) {
      fs.copyFileSync(path.join(REPO_ROOT, file), path.join(dir, file));
    }
    fs.cpSync(path.join(REPO_ROOT, "examples"), path.join(dir, "examples"), { recursive: true });
    // node_modules holds @pulumi/pulumi and ts-node; dist is the built package the program imports by name.
    for (const folder of ["node_modules", "dist"]) {
      fs.symlinkSync(path.join(REPO_ROOT, folder), path.join(dir, folder), "dir");
    }
    return new PulumiProject(dir, base);
  }

  /** A project folder prepared elsewhere (a scratch project that installed the packed package, say). */
  static at(dir: string, nodeBin?: string): PulumiProject {
    return new PulumiProject(dir, PulumiProject.newBase(path.basename(dir)), nodeBin);
  }

  private static newBase(name: string): string {
    if (!fs.existsSync(path.join(PULUMI_BIN, "pulumi"))) {
      throw new Error(`no Pulumi CLI in ${PULUMI_BIN}: run npm run pulumi-cli first (it builds the CLI with Go)`);
    }
    return fs.mkdtempSync(path.join(os.tmpdir(), `pulumi-cli-${name}-`));
  }

  get backendDir(): string {
    return path.join(this.base, "state");
  }

  env(): NodeJS.ProcessEnv {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith("PULUMI_") && !key.startsWith("VOLCENGINE_")),
    );
    return {
      ...inherited,
      PATH: [PULUMI_BIN, this.nodeBin, process.env.PATH].join(path.delimiter),
      PULUMI_HOME: path.join(this.base, "home"),
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: "cli-test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
      [MARKER]: this.marker,
    };
  }

  /** Runs `pulumi <args>` in the project; rejects with the output on a non-zero exit unless allowed. */
  run(args: string[], options: RunOptions = {}): Promise<CliRun> {
    const fullArgs = ["--non-interactive", "--color", "never", ...args];
    return new Promise((resolve, reject) => {
      // A process group of its own, so that a kill takes the CLI's plugins and program along, as a closed terminal
      // or a cancelled CI job does.
      const child = spawn(path.join(PULUMI_BIN, "pulumi"), fullArgs, {
        cwd: this.dir,
        env: this.env(),
        detached: true,
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const timer = setTimeout(() => killProcessGroup(child), options.timeoutMs ?? COMMAND_TIMEOUT_MS);
      child.on("error", reject);
      child.on("close", (exitCode, signal) => {
        clearTimeout(timer);
        const result: CliRun = { args: fullArgs, exitCode, signal, stdout, stderr };
        // A state export is long and says little to a reader of a failure; its size is enough there.
        const shown = args[1] === "export" && exitCode === 0 ? `(${stdout.length} characters of state)\n` : stdout;
        this.transcript.push(`$ pulumi ${fullArgs.join(" ")}  (exit ${exitCode ?? signal})\n${shown}${stderr}`);
        if (exitCode === 0 || options.allowFailure) resolve(result);
        else reject(new Error(`pulumi ${fullArgs.join(" ")} exited ${exitCode ?? signal}:\n${stdout}${stderr}`));
      });
      options.onStart?.(child);
    });
  }

  async initStack(config: Record<string, string>, secretKeys: readonly string[]): Promise<void> {
    await this.run(["stack", "init", STACK]);
    for (const [key, value] of Object.entries(config)) await this.setConfig(key, value, secretKeys.includes(key));
  }

  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.run(["config", "set", ...(secret ? ["--secret"] : ["--plaintext"]), key, "--", value]);
  }

  /** `pulumi stack export`: the state as a user would back it up, secrets encrypted. */
  async exportState(): Promise<{ text: string; deployment: any }> {
    const { stdout } = await this.run(["stack", "export"]);
    return { text: stdout, deployment: JSON.parse(stdout).deployment };
  }

  async outputs(): Promise<Record<string, unknown>> {
    const { stdout } = await this.run(["stack", "output", "--json"]);
    return JSON.parse(stdout);
  }

  /** The processes this project's commands started that still run. */
  processes(): number[] {
    return processesMarked(`${MARKER}=${this.marker}`);
  }

  /** Ends what the project's commands left running (a killed run's plugins), then removes its folders. */
  async remove(): Promise<void> {
    await endProcesses(this.processes());
    fs.rmSync(this.base, { recursive: true, force: true });
  }
}

/** Every process of this test run that still runs, whichever project started it. */
export function processesOfThisRun(): number[] {
  return processesMarked(`${MARKER}=${RUN}-`);
}

/** Processes whose environment holds `entry` (a whole `KEY=value`, or its start), by their /proc entries. */
function processesMarked(entry: string): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let environment: string;
    try {
      environment = fs.readFileSync(`/proc/${name}/environ`, "latin1");
    } catch {
      continue; // ended meanwhile, or not ours to read
    }
    if (environment.split("\0").some((variable) => variable.startsWith(entry))) found.push(Number(name));
  }
  return found;
}

/** SIGKILL to each, then waits until none is left (a zombie of ours is reaped by node itself). */
export async function endProcesses(pids: readonly number[]): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + 10_000;
  while (pids.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "latin1");
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** SIGKILL to the CLI and every process it started. */
export function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** The resources of a state export whose type is ours. */
export function qualificationsIn(deployment: any): any[] {
  return (deployment.resources ?? []).filter((resource: any) => String(resource.type).endsWith(":SmsSignatureIdent"));
}
