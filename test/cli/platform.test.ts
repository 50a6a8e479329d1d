/**
 * examples/platform under the real `pulumi` CLI, run as a platform runs it: one stack per company of a companies file,
 * through the Automation API, against the emulator. The tests count requests, never time them.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../emulator";
import { type PlatformRun, runPlatform } from "./support/platform-run";
import { PulumiProject, REPO_ROOT } from "./support/pulumi-cli";
import { printTranscriptOnFailure } from "./support/transcript";

const EXAMPLE = path.join(REPO_ROOT, "examples", "platform");
const COMPANIES = path.join(EXAMPLE, "companies.yaml");
const PERSONAL = ["operatorIdNumber", "operatorMobile", "responsibleIdNumber", "responsibleMobile"];
const SCANS = ["licenceScan", "operatorIdFront", "operatorIdBack", "responsibleIdFront", "responsibleIdBack"];
/** Three stacks, two at a time, each starting the CLI and a provider host: generous. */
const RUN_TIMEOUT_MS = 240_000;

type Row = Record<string, string>;

/** The example's companies, their scans made absolute so that a changed copy can live in a temp folder. */
function exampleRows(): Row[] {
  const rows: Row[] = parse(fs.readFileSync(COMPANIES, "utf8"), { schema: "failsafe" });
  for (const row of rows) for (const column of SCANS) row[column] = path.resolve(EXAMPLE, row[column]!);
  return rows;
}

/**
 * An emulator that reviews only when told to, and a scratch folder (PULUMI_HOME, the companies files, the work
 * folder) for the enclosing describe, whose tests run in order. A failed test prints every run's output.
 */
function usePlatform(emulatorOptions: EmulatorOptions = {}) {
  const context = {} as {
    emulator: RunningEmulator;
    project: PulumiProject;
    /** The scratch folder, removed with the project. */
    base: string;
    run(args: string[]): Promise<PlatformRun>;
    /** Successful requests of an action. */
    count(action: string): number;
  };
  printTranscriptOnFailure(() => context.project);
  before(async () => {
    context.emulator = await startEmulator({ approvalDelayMs: null, ...emulatorOptions });
    context.project = PulumiProject.at(EXAMPLE);
    context.base = path.dirname(context.project.backendDir);
    context.run = (args) => runPlatform(context.project, context.emulator, args, RUN_TIMEOUT_MS);
    context.count = (action) =>
      context.emulator.requests.filter((request) => request.action === action && request.httpStatus === 200).length;
  });
  after(async () => {
    await context.project?.remove();
    await context.emulator?.close();
  });
  return context;
}

function writeCompanies(dir: string, name: string, rows: Row[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, stringify(rows));
  return file;
}

function assertNoPersonalValues(run: PlatformRun, rows: readonly Row[]): void {
  for (const row of rows) {
    for (const column of PERSONAL) {
      assert.ok(!(run.stdout + run.stderr).includes(row[column]!), `the output shows ${column} of ${row.companyName}`);
    }
  }
}

/** Every file the stacks wrote (state, stack settings, logs) holds no personal value in plain text. */
function assertWorkFolderClean(dir: string, rows: readonly Row[]): void {
  const files = (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  assert.ok(
    files.some((file) => file.includes(`${path.sep}state${path.sep}`)),
    "no state was written",
  );
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const row of rows)
      for (const column of PERSONAL)
        assert.ok(!text.includes(row[column]!), `${path.relative(dir, file)} holds ${column} in plain text`);
  }
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const progressLine = (row: Row, rest: string) =>
  new RegExp(`^\\[\\d/\\d\\] ${row.creditCode} ${literal(row.companyName!)}: up … done \\(${rest}`, "m");
const summaryRow = (row: Row, rest: string) =>
  new RegExp(`^${literal(row.companyName!)}\\s+${row.creditCode!.toLowerCase()}\\s+${rest}$`, "m");

describe("examples/platform: one stack per company, through the Automation API", () => {
  const platform = usePlatform();
  const rows = exampleRows();
  let work: string;
  before(() => {
    work = path.join(platform.base, "work");
  });

  it("the first run files each company's qualification once; every signature waits for its review", async () => {
    const run = await platform.run(["--file", COMPANIES, "--concurrency", "2", "--dir", work]);
    assert.equal(run.exitCode, 0, "no company failed");
    assert.equal(platform.count("ApplySignatureIdent"), 3, "one qualification per company");
    assert.equal(platform.count("ApplySmsSignatureV2"), 0);
    for (const row of rows) {
      assert.match(run.stdout, progressLine(row, "qualification \\d+ reviewing; signature waiting"));
      assert.match(run.stdout, summaryRow(row, "\\d+ reviewing\\s+waiting\\s+waiting"));
    }
    assertNoPersonalValues(run, rows);
  });

  it("once the qualifications are approved, the next run files each signature and no qualification again", async () => {
    for (const { id } of platform.emulator.qualifications()) platform.emulator.approve(id);
    const run = await platform.run(["--file", COMPANIES, "--dir", work]);
    assert.equal(run.exitCode, 0, "no company failed");
    assert.equal(platform.count("ApplySmsSignatureV2"), 3, "one signature per company");
    assert.equal(platform.count("ApplySignatureIdent"), 3, "no second qualification");
    for (const row of rows) {
      assert.match(run.stdout, progressLine(row, "qualification \\d+ approved; signature filed, reviewing"));
      assert.match(run.stdout, summaryRow(row, "\\d+ approved\\s+filed, reviewing\\s+filed"));
    }
    assertNoPersonalValues(run, rows);
    assertWorkFolderClean(work, rows);
  });
});

describe("examples/platform: a row with a mistake", () => {
  const platform = usePlatform();

  it("fails that company only, naming the row and the column but not the value; the others are filed", async () => {
    const rows = exampleRows();
    const mistyped = "1370013700";
    rows[1]!.operatorMobile = mistyped;
    const file = writeCompanies(platform.base, "companies.yaml", rows);
    const run = await platform.run(["--file", file, "--dir", path.join(platform.base, "work")]);
    assert.equal(run.exitCode, 1, "a company failed");
    assert.equal(platform.count("ApplySignatureIdent"), 2, "the other two companies were filed");
    assert.match(run.stdout, /^\[2\/3\] row 2 示例乙科技有限公司: not run: operatorMobile: .*11 digits/m);
    assert.match(run.stdout, /^row 2 示例乙科技有限公司\s+-\s+-\s+-\s+failed: operatorMobile: /m);
    for (const row of [rows[0]!, rows[2]!])
      assert.match(run.stdout, summaryRow(row, "\\d+ reviewing\\s+waiting\\s+waiting"));
    assert.ok(!(run.stdout + run.stderr).includes(mistyped), "the mistyped mobile is not shown");
    assertNoPersonalValues(run, rows);
  });
});

describe("examples/platform: four stacks at once against the vendor's rate limit", () => {
  const platform = usePlatform({ rateLimitPerSecond: 5 });

  it("files each qualification once and finishes every stack: the provider retries FlowLimitExceeded", async () => {
    const rows = exampleRows();
    rows.push({
      ...rows[2]!,
      companyName: "示例丁科技有限公司",
      creditCode: "91310000MA1K000107",
      signature: "示例丁科技",
    });
    const file = writeCompanies(platform.base, "companies.yaml", rows);
    // The limit refuses what the timing makes it refuse; these two filings are refused whatever the timing.
    platform.emulator.injectFault({ kind: "throttle", action: "ApplySignatureIdent", times: 2 });
    const run = await platform.run(["--file", file, "--concurrency", "4", "--dir", path.join(platform.base, "work")]);
    assert.equal(run.exitCode, 0, "no company failed");
    const refused = platform.emulator.requests.filter(
      (request) => request.action === "ApplySignatureIdent" && request.code === "FlowLimitExceeded",
    );
    assert.ok(refused.length >= 2, "filings were refused with FlowLimitExceeded");
    assert.equal(platform.count("ApplySignatureIdent"), 4, "each retried until filed, and filed once");
    assert.equal(platform.emulator.qualifications().length, 4);
    for (const row of rows) assert.match(run.stdout, summaryRow(row, "\\d+ reviewing\\s+waiting\\s+waiting"));
  });
});
