/**
 * 10. One stack per client company, several at once (examples/platform, the Automation API, the real CLI): 4 and 16
 * stacks in parallel against one emulator, once unthrottled and once holding the account to 5 requests per second
 * (the one figure a source gives for an account, unsure: docs/volcengine-sms-api.md). Every stack has its own
 * provider process, so its own rate control. The floor of a throttled run is the longer of the same run unthrottled
 * and every request it needed at the limit; the bound adds that stacks started together send their requests in the
 * same seconds. A run passes when every stack finished and each company was filed once.
 * Needs the built CLI; without it, or with --quick, the rows say it was skipped.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { parse, stringify } from "yaml";
import { startEmulator } from "../emulator";
import { socialCreditCodeProblem } from "../provider/check/identifiers";
import { runPlatform } from "../test/cli/support/platform-run";
import { PULUMI_BIN, PulumiProject } from "../test/cli/support/pulumi-cli";
import { repoRoot } from "./fixtures";
import { summarize } from "./stats";
import { formatTime, type Row, ratio, text, time } from "./table";

const EXAMPLE = path.join(repoRoot, "examples", "platform");
const STACKS = [4, 16] as const;
const LIMIT_PER_SECOND = 5;
const GOAL = 1.3;
const SCANS = ["licenceScan", "operatorIdFront", "operatorIdBack", "responsibleIdFront", "responsibleIdBack"];
const CHINESE_DIGITS = "零一二三四五六七八九";

/** A valid unified social credit code per index: the check character is the one the provider's check accepts. */
function creditCode(index: number): string {
  const body = `91350100MA${String(index).padStart(7, "0")}`;
  const check = [..."0123456789ABCDEFGHJKLMNPQRTUWXY"].find((c) => socialCreditCodeProblem(body + c) === undefined);
  return body + check;
}

/** `count` companies like the example's first, each its own name, code and signature; scans made absolute. */
function companies(count: number): Record<string, string>[] {
  const [template] = parse(fs.readFileSync(path.join(EXAMPLE, "companies.yaml"), "utf8"), { schema: "failsafe" });
  return Array.from({ length: count }, (_, index) => {
    const name = [...String(index + 1)].map((digit) => CHINESE_DIGITS[Number(digit)]).join("");
    const row: Record<string, string> = {
      ...template,
      companyName: `客户${name}号科技有限公司`,
      creditCode: creditCode(index + 1),
      signature: `客户${name}号科技`,
    };
    for (const column of SCANS) row[column] = path.resolve(EXAMPLE, row[column]!);
    return row;
  });
}

interface StacksRun {
  ms: number;
  finished: boolean;
  /** Requests the gateway answered, and those it refused for the limit. */
  requests: number;
  refused: number;
  filedOnce: boolean;
  /** From the start to the first request, between the first and the last, and from the last to the end. */
  beforeFirstMs: number;
  spanMs: number;
  afterLastMs: number;
}

async function runStacks(count: number, limit: number | null): Promise<StacksRun> {
  const emulator = await startEmulator({ approvalDelayMs: null, rateLimitPerSecond: limit });
  const project = PulumiProject.at(EXAMPLE);
  try {
    const base = path.dirname(project.backendDir);
    const file = path.join(base, "companies.yaml");
    fs.writeFileSync(file, stringify(companies(count)));
    const args = ["--file", file, "--concurrency", String(count), "--dir", path.join(base, "work")];
    const startedAt = Date.now();
    const started = performance.now();
    const run = await runPlatform(project, emulator, args, 900_000);
    const ms = performance.now() - started;
    const endedAt = startedAt + ms;
    const arrivals = emulator.requests.map((request) => request.receivedAt);
    const [firstAt, lastAt] = [Math.min(...arrivals), Math.max(...arrivals)];
    const refused = emulator.requests.filter((request) => request.code === "FlowLimitExceeded").length;
    const filed = emulator.requests.filter((r) => r.action === "ApplySignatureIdent" && r.httpStatus === 200).length;
    return {
      ms,
      finished: run.exitCode === 0,
      requests: emulator.requests.length - refused,
      refused,
      filedOnce: filed === count && emulator.qualifications().length === count,
      beforeFirstMs: firstAt - startedAt,
      spanMs: lastAt - firstAt,
      afterLastMs: endedAt - lastAt,
    };
  } finally {
    await project.remove();
    await emulator.close();
  }
}

export async function measurePlatformStacks(quick: boolean): Promise<Row[]> {
  const built = fs.existsSync(path.join(PULUMI_BIN, "pulumi"));
  if (quick || !built) {
    const why = quick ? "skipped with --quick" : "skipped: the Pulumi CLI is not built (npm run pulumi-cli)";
    return [{ item: 10, label: "stacks in parallel (examples/platform) ÷ floor", figure: text(why) }];
  }
  const rows: Row[] = [];
  for (const count of STACKS) {
    const free = await runStacks(count, null);
    const held = await runStacks(count, LIMIT_PER_SECOND);
    const floorMs = Math.max(free.ms, (held.requests / LIMIT_PER_SECOND) * 1000);
    const over = held.ms / floorMs;
    // Stacks started together send their requests in the same few seconds; at most the limit in any second, they
    // need (ceil(requests / limit) - 1) s from the first to the last, however they are paced, and the work before
    // and after them does not shrink.
    const spreadMs = Math.max(free.spanMs, (Math.ceil(held.requests / LIMIT_PER_SECOND) - 1) * 1000);
    const boundMs = free.beforeFirstMs + spreadMs + free.afterLastMs;
    const label = `${count} stacks at once, one company each`;
    rows.push(
      { item: 10, label: `${label}, no limit: time`, figure: time(summarize([free.ms])) },
      {
        item: 10,
        label: `${label}, account allows ${LIMIT_PER_SECOND} requests/s: time`,
        figure: time(summarize([held.ms])),
      },
      {
        item: 10,
        label:
          `${label}, ${LIMIT_PER_SECOND}/s: time ÷ floor (${formatTime(floorMs)}: the longer of no limit and ` +
          `${held.requests} requests at ${LIMIT_PER_SECOND}/s)`,
        figure: ratio(summarize([over])),
        target: count === 4 ? { text: `≤ ${GOAL}×`, met: over <= GOAL } : undefined,
        whenMissed:
          `the stacks start together, so their requests come in the same seconds: without a limit they took ` +
          `${formatTime(free.spanMs)} from the first to the last, at ${LIMIT_PER_SECOND}/s they need at least ` +
          `${formatTime(spreadMs)} whatever paces them, and the work before and after does not shrink (the next ` +
          "row). Each stack's provider has its own rate control and learns the account's limit from its own refusals",
      },
      {
        item: 10,
        label:
          `${label}, ${LIMIT_PER_SECOND}/s: time ÷ bound for stacks started together (${formatTime(boundMs)} = ` +
          `${formatTime(free.beforeFirstMs)} before, ${formatTime(spreadMs)} for ${held.requests} requests, ` +
          `${formatTime(free.afterLastMs)} after)`,
        figure: ratio(summarize([held.ms / boundMs])),
      },
      {
        item: 10,
        label: `${label}, ${LIMIT_PER_SECOND}/s: every stack finished, each company filed once; refused requests`,
        figure: text(`${held.finished && held.filedOnce ? "yes" : "no"}; ${held.refused} refused`),
        target: { text: "yes", met: held.finished && held.filedOnce && free.finished && free.filedOnce },
      },
    );
  }
  return rows;
}
