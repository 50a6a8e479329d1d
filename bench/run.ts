/**
 * `npm run bench`: every measurement of the benchmark issue (and of the scale issue, item 8), printed as one table
 * and written with the machine, the Node version and the date to bench/results.md.
 *
 *   node -r ts-node/register bench/run.ts [--quick] [--out <file>]
 *
 * `--quick` runs each measurement once, without warm-up, and writes to the temp dir unless `--out` says otherwise
 * (the test runs it this way; bench/results.md is only written by a full run). Progress goes to stderr, the table
 * to stdout. Needs dist/ (built by `npm ci` and by `npm run bench`): the provider host loads the compiled runtime.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { measureCheckDiff } from "./check-diff";
import { measureCliScale } from "./cli-scale";
import { measureCreate } from "./create";
import { repoRoot } from "./fixtures";
import { measureMemory } from "./memory";
import { measurePlatformStacks } from "./platform-stacks";
import { measureProviderLoad } from "./provider-load";
import { measureProviderSize } from "./provider-size";
import { measureScale } from "./scale";
import { measureSigning } from "./signing";
import { measureStateSize } from "./state-size";
import { type Row, tableLines } from "./table";

/**
 * In the order they run: the in-process timings first, while this process's heap is small (as the provider host's
 * is during a preview), then those that start other processes or move megabytes. The table is in the order.
 */
export const MEASUREMENTS: ReadonlyArray<{ item: number; title: string; run: (quick: boolean) => Promise<Row[]> }> = [
  { item: 1, title: "signing", run: measureSigning },
  { item: 6, title: "check + diff", run: measureCheckDiff },
  { item: 2, title: "provider load", run: measureProviderLoad },
  { item: 3, title: "__provider size", run: () => measureProviderSize() },
  { item: 4, title: "state size", run: () => measureStateSize() },
  { item: 5, title: "create over loopback", run: measureCreate },
  { item: 7, title: "peak memory of a create", run: measureMemory },
  { item: 8, title: "a stack of hundreds: throttled creates, creates, preview, refreshes", run: measureScale },
  { item: 9, title: "the real CLI: pulumi up of 50 and 200 qualifications", run: measureCliScale },
  { item: 10, title: "one stack per company: 4 and 16 stacks at once", run: measurePlatformStacks },
];

export function machine(): string {
  const cpus = os.cpus();
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return (
    `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${memory} GB RAM, ${os.type()} ` +
    `${os.release()} ${os.arch()}`
  );
}

function report(rows: readonly Row[], quick: boolean, seconds: number): string {
  const missed = rows.filter((row) => row.target && !row.target.met);
  const lines = [
    "# Benchmark results",
    "",
    `- Machine: ${machine()}`,
    `- Node: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    `- Mode: ${quick ? "quick (one iteration, no warm-up: figures are not meaningful)" : "full"}; ` +
      `${seconds.toFixed(0)} s; \`npm run bench${quick ? " -- --quick" : ""}\``,
    "",
    "Each time is the median over repeated rounds after warm-up rounds, with the min and the max. In each round every",
    "contender of a comparison runs once, in an order that rotates from round to round, and each ratio is taken",
    "within its round, so a ratio compares figures measured side by side; the ratio's median, min and max are over",
    "the rounds. Sizes are exact and do not vary.",
    "",
    ...tableLines(rows),
    "",
  ];
  if (missed.length > 0) {
    lines.push("## Targets missed", "");
    for (const row of missed)
      lines.push(`- **${row.label}** (${row.target!.text}): ${row.whenMissed ?? "no explanation recorded"}`);
    lines.push("");
  }
  lines.push("## How each figure is measured", "", ...METHOD.map((text, i) => `${i + 1}. ${text}`), "");
  return lines.join("\n");
}

const METHOD = [
  "Signing: our `signRequest` on the body as bytes (as the client calls it), the vendor's `Signer` from " +
    "`@volcengine/openapi` on the JSON text (its cheapest input: an object is JSON.stringify'd first), and one " +
    "`createHash('sha256')` pass over the same bytes. Both signers sign host, x-content-sha256 and x-date; outside " +
    "the timing the bench asserts that they produce the same Authorization header for each size.",
  "Provider load: Pulumi's dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) started as a child process, " +
    "Configure, then Check of the fixture inputs, timed from spawn to the Check answer; a fresh host per sample. The " +
    "empty provider is `{ check: async (olds, news) => ({ inputs: news }) }` serialized by Pulumi's serializer. " +
    "Program side: a fresh node requires @pulumi/pulumi, then the package from dist/; the second require is timed.",
  "`__provider` size: serialized from this checkout (TypeScript source, and dist/), and registered by a program in " +
    "a scratch project that installed the `npm pack` tarball (under Pulumi's mocks).",
  "State size: Check then Create through the provider host against the emulator; the bytes of " +
    "`JSON.stringify({ inputs, outputs })` as the host returns them, `__provider` included in both.",
  "Create: the emulator runs in its own process on 127.0.0.1. Ours is the compiled runtime's `create` called in " +
    "process (the code the provider host runs); the bare POST sends the body our create sends, signed beforehand, " +
    "with undici, once on a new connection per POST (as our client opens one per call) and once on a kept-alive one; " +
    "the vendor SDK's `ApplySignatureIdent` gets the same body as an object.",
  "check + diff: the compiled runtime's `check({}, news)` then `diff(id, outputs, checked inputs)` per resource, " +
    "in process; the time for one pass over 1 or 200 resources divided by their number.",
  "Peak memory: a fresh process per run loads the compiled runtime, files a small qualification (warm-up), runs a " +
    "full GC, reads its RSS, resets the kernel's high-water mark (/proc/self/clear_refs) and files a qualification " +
    "with four 3.75 MB `documentFile()` scans; the figure is the high-water mark minus that RSS.",
  "A stack of hundreds: Pulumi's provider host with 16 operations in flight (as `pulumi up` runs them) against the " +
    "emulator over https, its self-signed certificate trusted through volcengine:smsCaFile; default retry settings. " +
    "Throttled: the emulator refuses any request beyond 20 in a sliding second, refused ones counted too; a fresh " +
    "host and emulator per round (3 rounds), time from the first create sent to the last answered; the floor is " +
    "every request the creates needed at 20 per second: the filings and the list pages their duplicate guards " +
    "shared (counted by the emulator). Duplicates are the emulator's filings minus distinct ids. Then, unlimited: " +
    "the creates, a preview of the same resources (check against the stored inputs, diff against the stored " +
    "outputs, each showing no change) and a refresh of each, counting the connections the emulator accepted; then " +
    "the same refreshes in a provider process of their own (a `pulumi refresh`) under the 20-per-second limit, " +
    "counting their list requests.",
  "The real CLI (v3.274.1, built by `npm run pulumi-cli`), a local file backend, a fresh stack per run, in a " +
    "scratch project that installed the `npm pack` tarball: `pulumi up --yes --skip-preview` of N qualifications " +
    "(the tests' inputs, one name each, each scan a 2 KB file declared with documentFile()) against the " +
    "emulator; of N dynamic resources whose provider does nothing and holds nothing; and of N whose provider does " +
    "nothing but whose state is a qualification's (the same inputs, ID numbers and mobiles secret, the outputs " +
    "the inputs and the review fields), which splits what the CLI spends on the state from what our provider " +
    "adds. One run each, timed from start to exit; state bytes are the length of `pulumi stack export` divided by " +
    "N. Skipped with --quick or without the built CLI.",
  "examples/platform run as a platform runs it (`run.ts --file <companies> --concurrency N`, the built CLI, a " +
    "file backend), N companies like the example's first, all N stacks at once, one run each: against an emulator " +
    "without a limit, then against one that refuses any request beyond 5 in a sliding second (refused ones " +
    "counted too). Each stack runs its own CLI and provider process, so its own rate control. The floor is the " +
    "longer of the unlimited run and the answered requests at 5 per second. The bound for stacks started together " +
    "takes from the unlimited run the time before its first request and after its last (the emulator records when " +
    "each arrived), and between them the longer of what it took and (ceil(requests / 5) - 1) s, the least a " +
    "gateway allowing 5 in any second lets them spread over. Filed once means the emulator holds N qualifications " +
    "from N successful filings. Skipped with --quick or without the built CLI.",
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: "boolean", default: false }, out: { type: "string" } },
    strict: true,
  });
  const quick = values.quick ?? false;
  const out = path.resolve(
    values.out ??
      (quick
        ? path.join(os.tmpdir(), "pulumi-volcengine-sms-bench", "results-quick.md")
        : path.join(repoRoot, "bench", "results.md")),
  );
  if (!fs.existsSync(path.join(repoRoot, "dist", "provider", "runtime.js"))) {
    throw new Error("dist/ is missing: run `npm run build` (npm run bench does) before bench/run.ts");
  }
  process.chdir(repoRoot);

  const started = performance.now();
  const rows: Row[] = [];
  for (const [i, measurement] of MEASUREMENTS.entries()) {
    const t0 = performance.now();
    process.stderr.write(
      `bench: ${i + 1}/${MEASUREMENTS.length} (item ${measurement.item}) ` +
        `${measurement.title}${quick ? " (quick)" : ""}… `,
    );
    rows.push(...(await measurement.run(quick)));
    process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  rows.sort((a, b) => a.item - b.item); // stable: each item's rows keep their order
  const seconds = (performance.now() - started) / 1000;

  const text = report(rows, quick, seconds);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  process.stdout.write(`${tableLines(rows).join("\n")}\n\n`);
  const missed = rows.filter((row) => row.target && !row.target.met);
  process.stdout.write(
    `${rows.filter((row) => row.target).length - missed.length} targets met, ${missed.length} missed; ` +
      `${seconds.toFixed(0)} s. Results written to ${out}\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
