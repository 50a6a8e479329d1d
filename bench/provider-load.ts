/**
 * 2. Provider load: from starting Pulumi's dynamic-provider host to its first Check answer, with our provider and
 * with a provider that does nothing (what the host costs by itself). Both hosts get the same configure and the same
 * inputs, as the engine sends them; only `__provider` differs. And the program side: what importing the package costs
 * a user's program, on top of @pulumi/pulumi which the program loads anyway.
 */
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { ProviderHost, serializeProvider } from "../harness/provider-host";
import { qualificationProvider } from "../test/support/providers";
import { repoRoot, validInputs } from "./fixtures";
import { planFor, ratios, roundRobin, summarize } from "./stats";
import { formatTime, type Row, ratio, time } from "./table";

/** The provider that does nothing, serialized by Pulumi's own serializer like ours. */
const emptyProvider = { check: async (_olds: unknown, news: unknown) => ({ inputs: news }) };

async function firstCheck(providerText: string): Promise<number> {
  const inputs = { ...validInputs(), __provider: providerText };
  const start = performance.now();
  const host = await ProviderHost.start({ cwd: repoRoot });
  try {
    await host.configure({});
    const { failures } = await host.check({}, inputs);
    const elapsed = performance.now() - start;
    if (failures.length > 0) throw new Error(`the first check failed: ${JSON.stringify(failures)}`);
    return elapsed;
  } finally {
    await host.stop();
  }
}

/** A fresh node that requires @pulumi/pulumi, then the package as a program does; the second require's time, in ms. */
const PROGRAM_LOAD = `
const { performance } = require("node:perf_hooks");
require("@pulumi/pulumi");
const start = performance.now();
require(process.argv[1]);
console.log(performance.now() - start);
`;

function programLoad(): number {
  return Number(execFileSync(process.execPath, ["-e", PROGRAM_LOAD, repoRoot], { cwd: repoRoot, encoding: "utf8" }));
}

export async function measureProviderLoad(quick: boolean): Promise<Row[]> {
  const ours = await serializeProvider(qualificationProvider);
  const empty = await serializeProvider(emptyProvider);
  const samples = await roundRobin(
    { ours: () => firstCheck(ours), empty: () => firstCheck(empty) },
    planFor(quick, { rounds: 9, warmup: 1 }),
  );
  const load = summarize(ratios(samples.ours, samples.empty));
  const program = await roundRobin({ program: programLoad }, planFor(quick, { rounds: 9, warmup: 1 }));
  return [
    { item: 2, label: "provider host start → first Check answer: ours", figure: time(summarize(samples.ours)) },
    {
      item: 2,
      label: "provider host start → first Check answer: empty provider",
      figure: time(summarize(samples.empty)),
    },
    {
      item: 2,
      label: "provider load: ours ÷ empty provider",
      figure: ratio(load),
      target: { text: "≤ 1.2×", met: load.median <= 1.2 },
      whenMissed:
        `the first Check loads the runtime and what check needs (zod for the field rules: ~50 ms), ` +
        `${formatTime(summarize(samples.ours).median - summarize(samples.empty).median)} more than the empty ` +
        `provider in this run; ` +
        "undici (~70 ms) is already deferred to the first create or read",
    },
    {
      item: 2,
      label: "program side: require('pulumi-volcengine-sms') after @pulumi/pulumi (zod and undici not loaded)",
      figure: time(summarize(program.program)),
    },
  ];
}
