/**
 * 6. check + diff per resource, in process, as `pulumi preview` of a stack with existing resources calls them:
 * check(olds={}, news) then diff(id, stored outputs, checked inputs), for 1 and for 200 resources (each its own
 * inputs), on the compiled runtime the provider host runs. The fixture inputs carry their (tiny) scans inline; a
 * further row shows one resource whose three 1 MB scans are `documentFile()`s, which check reads and hashes.
 */
import { performance } from "node:perf_hooks";
import { compiledRuntime } from "./create";
import { documentInputs, MB, type Props, ScanProject, validInputs, writeScans } from "./fixtures";
import { batchForAsync, planFor, roundRobin, summarize, timeAsync } from "./stats";
import { type Row, time } from "./table";

const PROVIDER = "exports.handler = __f0; /* the serialized provider: diff compares it as an opaque string */";

interface Resource {
  id: string;
  news: Props;
  olds: Props;
}

function resources(count: number, make: (i: number) => Props): Resource[] {
  return Array.from({ length: count }, (_, i) => {
    const inputs = make(i);
    const olds = {
      ...structuredClone(inputs),
      approved: false,
      effectSignatures: inputs.effectSignatures ?? [],
      __provider: PROVIDER,
    };
    return { id: String(9007199254740993n + BigInt(i)), news: { ...inputs, __provider: PROVIDER }, olds };
  });
}

/** Milliseconds per resource for one preview pass over every resource. */
async function previewPass(runtime: ReturnType<typeof compiledRuntime>, all: readonly Resource[]): Promise<number> {
  const start = performance.now();
  for (const resource of all) {
    const checked = await runtime.check({}, resource.news);
    if ((checked.failures ?? []).length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const diff = await runtime.diff(resource.id, resource.olds, checked.inputs);
    if (diff.changes) throw new Error(`unexpected change: ${(diff.replaces ?? []).join(", ")}`);
  }
  return (performance.now() - start) / all.length;
}

export async function measureCheckDiff(quick: boolean): Promise<Row[]> {
  const runtime = compiledRuntime();
  const one = resources(1, () => validInputs());
  const many = resources(200, (i) => ({ ...validInputs(), materialName: `示例科技短信资质${i}` }));
  const project = new ScanProject();
  try {
    writeScans(project, MB);
    const withDocuments = resources(1, () => documentInputs(project));
    // The runtime resolves documentFile() paths from the working directory, as the host runs in the project.
    const inProject = async (all: Resource[]) => {
      const previous = process.cwd();
      process.chdir(project.dir);
      try {
        return await previewPass(runtime, all);
      } finally {
        process.chdir(previous);
      }
    };
    const oneBatch = await batchForAsync(() => previewPass(runtime, one), 20, quick);
    const samples = await roundRobin(
      {
        one: () => timeAsync(() => previewPass(runtime, one), oneBatch),
        many: () => previewPass(runtime, many),
        documents: () => inProject(withDocuments),
      },
      planFor(quick, { rounds: 15, warmup: 3 }),
    );
    const target = (ms: number) => ({ text: "≤ 0.5 ms", met: ms <= 0.5 });
    const whenMissed =
      "check validates every field with zod and walks the body for documents; diff compares canonical JSON of each " +
      "input: profile runtime.check";
    const oneSummary = summarize(samples.one);
    const manySummary = summarize(samples.many);
    return [
      {
        item: 6,
        label: "check + diff per resource, 1 resource",
        figure: time(oneSummary),
        target: target(oneSummary.median),
        whenMissed,
      },
      {
        item: 6,
        label: "check + diff per resource, 200 resources",
        figure: time(manySummary),
        target: target(manySummary.median),
        whenMissed,
      },
      {
        item: 6,
        label: "check + diff, 1 resource with three 1 MB documentFile() scans (read + sha256)",
        figure: time(summarize(samples.documents)),
      },
    ];
  } finally {
    project.remove();
  }
}
