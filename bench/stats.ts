/**
 * Median, min and max over repeated runs, and the round-robin runner every timed comparison uses: in each round
 * every variant runs once, in an order that rotates from round to round, so a comparison is a ratio of figures
 * taken side by side in the same run (these machines are noisy; ratios hold better than absolute times).
 */
import { performance } from "node:perf_hooks";

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("nothing to summarize");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** The element-wise ratio of two series taken in the same rounds, so each ratio compares neighbours in time. */
export function ratios(numerators: readonly number[], denominators: readonly number[]): number[] {
  if (numerators.length !== denominators.length) throw new Error("series of different lengths");
  return numerators.map((n, i) => n / denominators[i]!);
}

export interface RunPlan {
  /** Measured rounds. */
  rounds: number;
  /** Rounds run first and thrown away (JIT, caches, connection pools). */
  warmup: number;
}

/** `--quick`: one measured round and no warm-up, whatever the full plan. */
export function planFor(quick: boolean, full: RunPlan): RunPlan {
  return quick ? { rounds: 1, warmup: 0 } : full;
}

/** One sample of a variant: the milliseconds it took (per call, when the variant batches its calls). */
export type Variant = () => number | Promise<number>;

/**
 * Runs every variant once per round, rotating the order, and returns the measured samples per variant in round
 * order (warm-up rounds dropped), so that `ratios(result.a, result.b)` pairs samples of the same round.
 */
export async function roundRobin<K extends string>(
  variants: Record<K, Variant>,
  plan: RunPlan,
): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
  for (let round = 0; round < plan.warmup + plan.rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const value = await variants[name!]();
      if (round >= plan.warmup) samples[name!].push(value);
    }
  }
  return samples;
}

/** Milliseconds per call of a synchronous function, over `batch` back-to-back calls. */
export function timeSync(fn: () => unknown, batch = 1): number {
  const start = performance.now();
  for (let i = 0; i < batch; i++) fn();
  return (performance.now() - start) / batch;
}

/** Milliseconds per call of an asynchronous function, awaited one after the other, over `batch` calls. */
export async function timeAsync(fn: () => Promise<unknown>, batch = 1): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < batch; i++) await fn();
  return (performance.now() - start) / batch;
}

/**
 * How many back-to-back calls make one sample last about `targetMs`, so fast functions are not timed at the
 * resolution of the clock. Runs the function a few times to find out (which also warms it up).
 */
export function batchFor(fn: () => unknown, targetMs: number, quick: boolean): number {
  if (quick) return 1;
  fn();
  const once = timeSync(fn, 3);
  return Math.max(1, Math.ceil(targetMs / Math.max(once, 1e-4)));
}

export async function batchForAsync(fn: () => Promise<unknown>, targetMs: number, quick: boolean): Promise<number> {
  if (quick) return 1;
  await fn();
  const once = await timeAsync(fn, 3);
  return Math.max(1, Math.ceil(targetMs / Math.max(once, 1e-4)));
}
