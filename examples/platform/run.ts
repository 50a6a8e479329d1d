/**
 * One Pulumi stack per client company, from a companies file (README.md beside this file):
 *
 *   npx ts-node examples/platform/run.ts [--file companies.yaml] [--concurrency 2] [--dir <work folder>]
 *
 * Each run files, for each company, what has become possible since the last (the qualification first, the signature
 * once the qualification is approved), prints a line per stack and a table of where each company stands, and exits 1
 * when a company failed. Run it again after the reviewers answered: the stacks keep their state in the work folder.
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { type Company, checkRows, type InvalidRow, readRows } from "./companies";
import { mapPool } from "./pool";
import { failureLine, prepareWorkFolder, stackName, upCompany, type WorkFolder } from "./stack";
import { describeOutputs, outcomeOf, outcomeText, type Report, summaryTable } from "./summary";

const USAGE = "Usage: run.ts [--file companies.yaml|companies.csv] [--concurrency 2] [--dir <work folder>]\n";

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: "string", default: path.join(__dirname, "companies.yaml") },
      concurrency: { type: "string", default: "2" },
      dir: { type: "string", default: path.join(__dirname, ".work") },
      help: { type: "boolean", short: "h" },
    },
  });
  const concurrency = Number(values.concurrency);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    process.stderr.write(`error: --concurrency must be a whole number from 1\n${USAGE}`);
    return 2;
  }
  // Paths first: the scans are resolved against the companies file's folder before the working directory changes.
  const file = path.resolve(values.file);
  const rows = checkRows(readRows(file), path.dirname(file));
  const work = await prepareWorkFolder(path.resolve(values.dir));
  // documentFile() stores a scan's path relative to the Pulumi project of the working directory, and the provider host
  // resolves it against its own, the project folder: the program has to run there too.
  process.chdir(work.projectDir);

  const counter = (index: number) => `[${index + 1}/${rows.length}]`;
  const reports = await mapPool(rows, concurrency, (row, index) =>
    "problems" in row ? reportInvalid(row, counter(index)) : runCompany(row, counter(index), work),
  );
  process.stdout.write(`\n${summaryTable(reports)}\n`);
  return reports.some((report) => report.outcome.kind === "failed") ? 1 : 0;
}

async function runCompany(company: Company, counter: string, work: WorkFolder): Promise<Report> {
  const label = `${counter} ${company.creditCode} ${company.companyName}: up …`;
  process.stdout.write(`${label}\n`);
  const report = { company: company.companyName, stack: stackName(company) };
  try {
    const outputs = await upCompany(company, work);
    process.stdout.write(`${label} done (${describeOutputs(outputs)})\n`);
    return { ...report, outputs, outcome: outcomeOf(outputs) };
  } catch (error) {
    const outcome = { kind: "failed", reason: failureLine(error, company) } as const;
    process.stdout.write(`${label} ${outcomeText(outcome)} (log: ${path.join(work.logDir, `${report.stack}.log`)})\n`);
    return { ...report, outcome };
  }
}

/** A row that failed its check runs no stack; its problems name columns, never values. */
async function reportInvalid(row: InvalidRow, counter: string): Promise<Report> {
  const company = `row ${row.row}${row.companyName ? ` ${row.companyName}` : ""}`;
  process.stdout.write(`${counter} ${company}: not run: ${row.problems.join("; ")}\n`);
  return { company, stack: "-", outcome: { kind: "failed", reason: row.problems[0] ?? "invalid row" } };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Reading the file or preparing the work folder failed: nothing about a company to hide in that message.
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
