// Failures a client must survive (throttling, gateway errors, dropped or truncated connections),
// injected on demand so they can be tested deterministically.
import { z } from "zod";

export type FaultSpec = {
  /** The Action the fault applies to; default: any action. */
  action?: string;
  /** How many of the next matching requests it affects; default 1, Infinity for all. */
  times?: number;
} & (
  | { kind: "latency"; ms: number }
  | { kind: "throttle"; retryAfterSeconds?: number }
  | { kind: "http-error"; status: 500 | 502 | 503 | 504 }
  | { kind: "business-error"; code: string }
  | { kind: "reset-before-read" }
  | { kind: "reset-after-read" }
  | { kind: "hang" }
  /** The request is carried out (a filing is filed) and the answer never sent: a client killed while waiting. */
  | { kind: "withhold-answer" }
  | { kind: "non-json" }
  | { kind: "truncated" }
);

export type FaultKind = FaultSpec["kind"];

// JSON cannot carry Infinity, so the admin endpoint also accepts the string "Infinity".
const times = z
  .union([z.number().int().positive(), z.literal("Infinity")])
  .optional()
  .transform((value) => (value === "Infinity" ? Infinity : value));

const common = { action: z.string().min(1).optional(), times };

const faultSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...common, kind: z.literal("latency"), ms: z.number().int().nonnegative() }),
  z.strictObject({
    ...common,
    kind: z.literal("throttle"),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal("http-error"),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
  }),
  z.strictObject({ ...common, kind: z.literal("business-error"), code: z.string().min(1) }),
  z.strictObject({ ...common, kind: z.literal("reset-before-read") }),
  z.strictObject({ ...common, kind: z.literal("reset-after-read") }),
  z.strictObject({ ...common, kind: z.literal("hang") }),
  z.strictObject({ ...common, kind: z.literal("withhold-answer") }),
  z.strictObject({ ...common, kind: z.literal("non-json") }),
  z.strictObject({ ...common, kind: z.literal("truncated") }),
]);

/** Checks a fault description (from code or from the admin endpoint); throws with a readable message. */
export function parseFaultSpec(input: unknown): FaultSpec {
  const normalised =
    input !== null && typeof input === "object" && (input as { times?: unknown }).times === Infinity
      ? { ...input, times: "Infinity" }
      : input;
  const parsed = faultSchema.safeParse(normalised);
  if (!parsed.success) throw new Error(`invalid fault: ${z.prettifyError(parsed.error)}`);
  const { times: count, ...rest } = parsed.data;
  return (count === undefined ? rest : { ...rest, times: count }) as FaultSpec;
}

export interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Faults waiting for requests; the earliest injected matching fault is used first. */
export class FaultQueue {
  private active: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.active.push({ spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.active = [];
  }

  list(): ActiveFault[] {
    return this.active.map((fault) => ({ ...fault }));
  }

  /** Consumes one use of the first fault matching the action. */
  take(action: string): FaultSpec | undefined {
    const index = this.active.findIndex((fault) => fault.spec.action === undefined || fault.spec.action === action);
    const fault = this.active[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active.splice(index, 1);
    return fault.spec;
  }
}
