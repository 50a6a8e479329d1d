import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/repo-root";

/**
 * One row per figure of the benchmark issue's seven items; the quick run must print each (its times are not judged).
 */
const EXPECTED_ROWS: Array<[number, RegExp]> = [
  ...["2 KB", "300 KB", "3 MB"].flatMap(
    (size): Array<[number, RegExp]> => [
      [1, new RegExp(`^sign ${size}: ours$`)],
      [1, new RegExp(`^sign ${size}: vendor \\(@volcengine/openapi\\)$`)],
      [1, new RegExp(`^sign ${size}: one sha256 pass \\(floor\\)$`)],
      [1, new RegExp(`^sign ${size}: ours ÷ sha256 pass$`)],
      [1, new RegExp(`^sign ${size}: vendor ÷ ours`)],
    ],
  ),
  [1, /^sign: ours and vendor give the same signature/],
  [2, /^provider host start → first Check answer: ours$/],
  [2, /^provider host start → first Check answer: empty provider$/],
  [2, /^provider load: ours ÷ empty provider$/],
  [2, /^program side: require\('pulumi-volcengine-sms'\) after @pulumi\/pulumi/],
  [3, /^__provider per resource: checkout/],
  [3, /^__provider per resource: packed install/],
  [4, /^state per resource, three 1 MB scans via documentFile\(\)/],
  [4, /^state per resource, the same scans as raw base64 fileContent$/],
  ...["KB body \\(fixture\\)", "MB body \\(three 1 MB scans\\)"].flatMap(
    (body): Array<[number, RegExp]> => [
      [5, new RegExp(`^create \\d+(\\.\\d)? ${body}: ours \\(runtime\\.create\\)$`)],
      [5, new RegExp(`^create \\d+(\\.\\d)? ${body}: bare undici POST, pre-signed, new connection$`)],
      [5, new RegExp(`^create \\d+(\\.\\d)? ${body}: vendor SDK ApplySignatureIdent$`)],
      [5, new RegExp(`^create \\d+(\\.\\d)? ${body}: ours ÷ bare POST \\(both on a new connection\\)$`)],
      [5, new RegExp(`^create \\d+(\\.\\d)? ${body}: vendor SDK ÷ ours$`)],
    ],
  ),
  [6, /^check \+ diff per resource, 1 resource$/],
  [6, /^check \+ diff per resource, 200 resources$/],
  [7, /^create body size/],
  [7, /^create peak RSS growth over baseline/],
  [7, /^create peak RSS growth ÷ body size$/],
  [7, /^create body = JSON\.stringify of the inlined body, byte for byte/],
  [8, /^\d+ creates, 16 in flight, gateway allows 20 requests\/s: time$/],
  [8, /^\d+ creates, 16 in flight, gateway allows 20 requests\/s: time ÷ floor/],
  [8, /^\d+ creates, 16 in flight, gateway allows 20 requests\/s: created, duplicates, refused and retried/],
  [8, /^\d+ creates, 16 in flight, no limit: time$/],
  [8, /^\d+-resource preview \(check \+ diff through the host, 16 in flight\): time$/],
  [8, /^\d+ refreshes \(16 in flight, https\): connections opened$/],
];

interface TableRow {
  item: number;
  label: string;
  median: string;
  target: string;
  met: string;
}

/** The rows of the Markdown table in `text`. */
function tableRows(text: string): TableRow[] {
  const lines = text.split("\n").filter((line) => line.startsWith("| "));
  assert.match(
    lines[0] ?? "",
    /^\| # +\| Measurement +\| Median +\| Min +\| Max +\| Target +\| Met +\|$/,
    "no table header",
  );
  return lines.slice(1).map((line) => {
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    return {
      item: Number(cells[0]),
      label: cells[1] ?? "",
      median: cells[2] ?? "",
      target: cells[5] ?? "",
      met: cells[6] ?? "",
    };
  });
}

describe("npm run bench, in quick mode (one iteration; no time is judged)", function () {
  this.timeout(180_000);
  let scratch: string;
  let stdout: string;
  let results: string;
  const committedResults = path.join(REPO_ROOT, "bench", "results.md");
  let committedBefore: string;

  before(async () => {
    committedBefore = fs.readFileSync(committedResults, "utf8");
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
    const out = path.join(scratch, "results.md");
    stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["-r", "ts-node/register", path.join("bench", "run.ts"), "--quick", "--out", out],
        { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
        (error, output, stderr) =>
          error ? reject(new Error(`bench failed: ${error.message}\n${stderr}`)) : resolve(output),
      );
    });
    results = fs.readFileSync(out, "utf8");
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("is the package's bench script", () => {
    assert.match(require("../../package.json").scripts.bench, /node -r ts-node\/register bench\/run\.ts$/);
  });

  it("prints a table with a row for every figure of the ten items, each with a value", () => {
    const rows = tableRows(stdout);
    for (const [item, label] of EXPECTED_ROWS) {
      const row = rows.find((r) => label.test(r.label));
      assert.ok(row, `no row ${label} in:\n${stdout}`);
      assert.equal(row.item, item, `${row.label} is under item ${row.item}`);
      assert.notEqual(row.median, "", `${row.label} has no value`);
    }
    assert.deepEqual([...new Set(rows.map((r) => r.item))], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The real CLI's items run only in a full bench: quick mode says so.
    for (const item of [9, 10]) {
      assert.ok(
        rows.some((r) => r.item === item && /skipped with --quick/.test(r.median)),
        `item ${item} is not said skipped`,
      );
    }
    for (const row of rows.filter((r) => r.target !== ""))
      assert.match(row.met, /^(yes|\*\*no\*\*)$/, `${row.label} has a target but no verdict`);
  });

  it("writes the same table to the results file, with the machine, the Node version and the date", () => {
    assert.deepEqual(tableRows(results), tableRows(stdout));
    assert.match(results, /^- Machine: .+, \d+ cores, /m);
    assert.ok(results.includes(`- Node: ${process.version}`));
    assert.match(results, /^- Date: \d{4}-\d\d-\d\dT/m);
    assert.match(results, /^- Mode: quick/m);
  });

  it("writes where --out says and leaves the committed bench/results.md as it was", () => {
    assert.equal(fs.readFileSync(committedResults, "utf8"), committedBefore);
  });
});
