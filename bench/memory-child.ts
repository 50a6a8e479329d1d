/**
 * Runs in a process of its own (started by bench/memory.ts): one create of a large qualification with the compiled
 * runtime, as the provider host runs it, against the emulator in a third process. Reports the resident set before
 * the create (after a warm-up create and a full GC) and its peak during the create, as one JSON line.
 *
 * The peak is the kernel's high-water mark (VmHWM), reset just before the create through /proc/self/clear_refs;
 * where that is not available, the process's lifetime maximum (getrusage) stands in, which can only be higher.
 */
import * as fs from "node:fs";
import * as path from "node:path";

type Runtime = typeof import("../provider/runtime");
type Inline = typeof import("../provider/documents/inline");

interface Job {
  config: Record<string, string>;
  projectDir: string;
  warmup: Record<string, unknown>;
  inputs: Record<string, unknown>;
}

function statusKb(field: string): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function resetPeak(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return statusKb("VmHWM") !== undefined;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(fs.readFileSync(0, "utf8")) as Job;
  const dist = path.join(__dirname, "..", "dist", "provider");
  const runtime = require(path.join(dist, "runtime.js")) as Runtime;
  const { inlineDocuments } = require(path.join(dist, "documents", "inline.js")) as Inline;
  process.chdir(job.projectDir);
  await runtime.configure({ config: { get: (key: string) => job.config[key] } });
  await runtime.create(job.warmup);

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const baseline = process.memoryUsage().rss;
  const precise = resetPeak();
  const { id } = await runtime.create(job.inputs);
  const peak = (precise ? statusKb("VmHWM") : undefined) ?? process.resourceUsage().maxRSS * 1024;

  // After the measurement: the size of the body that create sent.
  const sent = await inlineDocuments(job.inputs, "dataUri");
  const bodyBytes = sent.json.length;
  process.stdout.write(`${JSON.stringify({ id, baseline, peak, bodyBytes, method: precise ? "VmHWM" : "maxRSS" })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
