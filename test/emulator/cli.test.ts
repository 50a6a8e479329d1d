import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SmsService } from "@volcengine/openapi/lib/services/sms";
import { REPO_ROOT } from "../support/repo-root";

interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function runCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, ["-r", "ts-node/register", "emulator/cli.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitFor(cli: RunningCli, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(cli.stdout())) {
    if (cli.child.exitCode !== null) throw new Error(`the CLI exited early:\n${cli.stdout()}\n${cli.stderr()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${cli.stdout()}\n${cli.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exportsIn(output: string): Record<string, string> {
  return Object.fromEntries([...output.matchAll(/^export (VOLCENGINE_[A-Z_]+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
}

describe("emulator CLI (pulumi-volcengine-sms-emulator)", () => {
  let directory: string;
  const started: RunningCli[] = [];
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "sms-emulator-cli-"));
  });
  afterEach(() => {
    for (const cli of started.splice(0)) if (cli.child.exitCode === null) cli.child.kill("SIGKILL");
    rmSync(directory, { recursive: true, force: true });
  });

  it("prints the exports to paste, serves signed requests with them, logs each one, exits 0 on SIGINT", async () => {
    const dataFile = join(directory, "state.json");
    const cli = runCli(["--port", "0", "--data", dataFile, "--approval-delay", "manual"]);
    started.push(cli);
    await waitFor(cli, /^export VOLCENGINE_REGION=.+$/m);

    const env = exportsIn(cli.stdout());
    assert.deepEqual(Object.keys(env).sort(), [
      "VOLCENGINE_ACCESS_KEY",
      "VOLCENGINE_REGION",
      "VOLCENGINE_SECRET_KEY",
      "VOLCENGINE_SMS_ENDPOINT",
    ]);
    const endpoint = new URL(env.VOLCENGINE_SMS_ENDPOINT!);
    assert.equal(endpoint.hostname, "127.0.0.1");
    assert.notEqual(endpoint.port, "0", "the real port was not printed");
    assert.ok(cli.stdout().includes(env.VOLCENGINE_SECRET_KEY!));

    // Signed by the vendor's SDK with exactly the printed settings.
    const sdk = new SmsService({
      accessKeyId: env.VOLCENGINE_ACCESS_KEY,
      secretKey: env.VOLCENGINE_SECRET_KEY,
      region: env.VOLCENGINE_REGION,
      protocol: "http:",
      serviceName: "volcSMS", // only for the SDK's typings; SmsService sets it itself
    });
    sdk.setHost(endpoint.host);
    const list = sdk.createJSONAPI("GetSignatureIdentList", { Version: "2021-01-11" });
    const answer = (await list({ pageIndex: 1, pageSize: 10 })) as {
      ResponseMetadata: { Error?: unknown };
      Result?: unknown;
    };
    assert.equal(answer.ResponseMetadata.Error, undefined, JSON.stringify(answer));
    assert.deepEqual(answer.Result, { list: [], total: 0 });
    await waitFor(cli, /GetSignatureIdentList 200 OK/);

    cli.child.kill("SIGINT");
    assert.equal(await cli.exited, 0, cli.stderr());
    const saved = JSON.parse(readFileSync(dataFile, "utf8"));
    assert.equal(saved.nextId, "9007199254740993");
    assert.deepEqual([saved.qualifications, saved.signatures, saved.templates], [[], [], []]);
  });

  it("--https serves https and writes the certificate to trust, exported as VOLCENGINE_SMS_CA_FILE", async () => {
    const caFile = join(directory, "emulator-ca.pem");
    const cli = runCli(["--port", "0", "--https", caFile]);
    started.push(cli);
    await waitFor(cli, /^export VOLCENGINE_SMS_CA_FILE=.+$/m);
    const env = exportsIn(cli.stdout());
    assert.equal(env.VOLCENGINE_SMS_CA_FILE, caFile);
    assert.match(env.VOLCENGINE_SMS_ENDPOINT ?? "", /^https:\/\/127\.0\.0\.1:\d+$/);
    // A client trusting only that file reaches it; the admin route answers without a signature.
    const status = await new Promise<number>((resolve, reject) => {
      const url = `${env.VOLCENGINE_SMS_ENDPOINT}/__emulator/qualifications`;
      https.get(url, { ca: readFileSync(caFile) }, (res) => resolve(res.statusCode ?? 0)).on("error", reject);
    });
    assert.equal(status, 200);
  });

  it("prints usage for --help and exits 0", async () => {
    const cli = runCli(["--help"]);
    started.push(cli);
    assert.equal(await cli.exited, 0);
    assert.match(cli.stdout(), /Usage: pulumi-volcengine-sms-emulator/);
    assert.match(cli.stdout(), /--approval-delay/);
  });

  it("refuses an unknown option with usage on stderr and exit code 2", async () => {
    const cli = runCli(["--prot", "1"]);
    started.push(cli);
    assert.equal(await cli.exited, 2);
    assert.match(cli.stderr(), /--prot/);
    assert.match(cli.stderr(), /Usage:/);
  });
});
