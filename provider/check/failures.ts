/** Check failures as Pulumi prints them: per top-level property, with the path, the rule and the field's name. */
import type { z } from "zod";
import { UNKNOWN_VALUE } from "../engine/inputs";
import { ErrorCode, VolcengineError } from "../errors";
import { redact } from "../redact";
import { MAX_FAILURES_PER_PROPERTY } from "./limits";

export interface CheckFailure {
  /** The top-level property, as Pulumi prints check failures per property. */
  property: string;
  /** `path: rule (中文字段名)`; never the offending value, which may be an ID number or a mobile. */
  reason: string;
}

/**
 * Chinese names of fields, shown after each failure's path as the console names them (`(手机号码)`); a key
 * `parent.field` names a field that means something else elsewhere (a variable's `name` is not the template's).
 */
export type FieldLabels = ReadonlyMap<string, string>;

/**
 * Labels from an object literal, as a map: a key such as `constructor` or `__proto__` in the inputs must find no
 * label, not Object's own.
 */
export function fieldLabels(labels: Record<string, string>): FieldLabels {
  return new Map(Object.entries(labels));
}

/**
 * A body's zod issues the way `pulumi preview` shows them: one failure per problem, each naming the top-level property
 * and the full path, never the offending value. Values not known yet in preview are never failures.
 */
export function failuresOf(
  issues: readonly z.core.$ZodIssue[],
  body: Record<string, unknown>,
  labels: FieldLabels,
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  // A list over its maximum says so first: the cap per property below must not hide it behind the items' problems.
  const sorted = [...issues].sort((a, b) => Number(b.code === "too_big") - Number(a.code === "too_big"));
  for (const issue of sorted) {
    for (const path of issuePaths(issue)) {
      if (dependsOnUnknown(body, path)) continue;
      const reason = `${formatPath(path)}: ${describe(issue, valueAt(body, path))}${label(path, labels)}`;
      failures.push(checkFailure(String(path[0] ?? ""), reason));
    }
  }
  return capPerProperty(failures);
}

/**
 * A failure as Pulumi will print it: through the one redaction step, so an unknown key or a file name that holds an
 * escape sequence or a bidi override is shown, not obeyed.
 */
export function checkFailure(property: string, reason: string): CheckFailure {
  return { property: redact(property), reason: redact(reason) };
}

/** The first few failures of each property, then one that counts the rest: a 500-item list must not flood a preview. */
export function capPerProperty(failures: readonly CheckFailure[]): CheckFailure[] {
  const shown = new Map<string, number>();
  const kept: CheckFailure[] = [];
  for (const failure of failures) {
    const count = (shown.get(failure.property) ?? 0) + 1;
    shown.set(failure.property, count);
    if (count <= MAX_FAILURES_PER_PROPERTY) kept.push(failure);
  }
  for (const [property, count] of shown) {
    if (count <= MAX_FAILURES_PER_PROPERTY) continue;
    const more = count - MAX_FAILURES_PER_PROPERTY;
    kept.push({
      property,
      reason:
        `${property || "inputs"}: and ${more} more problem${more === 1 ? "" : "s"} ` +
        `(the first ${MAX_FAILURES_PER_PROPERTY} are shown)`,
    });
  }
  return kept;
}

/** An unrecognized key is reported at each key's own path, so the failure names the top-level property. */
function issuePaths(issue: z.core.$ZodIssue): PropertyKey[][] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => [...issue.path, key]);
  return [issue.path];
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined || value === null
        ? "is required"
        : `must be ${article(issue.expected)}, not ${kindOf(value)}${gotNumber(value, false)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}${gotNumber(value, true)}`;
    case "too_small":
      return issue.origin === "number"
        ? `must be at least ${issue.minimum}`
        : `must have at least ${issue.minimum} ${issue.origin === "array" ? "items" : "characters"}`;
    case "too_big":
      return issue.origin === "number"
        ? `must be at most ${issue.maximum}`
        : `must have at most ${issue.maximum} ${issue.origin === "array" ? "items" : "characters"}`;
    case "unrecognized_keys":
      return "is not a property of this object (check the spelling)";
    case "invalid_union":
      return "has an invalid value";
    case "custom":
      return issue.message;
    default:
      // zod's other messages name the rule, not the received value.
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === "int") return "an integer";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "number" && !Number.isInteger(value)) return "a fraction";
  return article(typeof value);
}

/**
 * What a user who quoted a number, or computed NaN, needs to see. Only a string of at most three digits is repeated:
 * that is an enum value or a count, never an ID number or a mobile.
 */
function gotNumber(value: unknown, alsoNonFinite: boolean): string {
  if (typeof value === "string" && /^[+-]?\d{1,3}$/.test(value)) {
    return `: got the string "${value}", write it without quotes`;
  }
  return alsoNonFinite && typeof value === "number" && !Number.isFinite(value) ? `: got ${value}` : "";
}

/** The label of the path's last field: as `parent.field` when the resource names it so, else as `field`. */
function label(path: PropertyKey[], labels: FieldLabels): string {
  const [last, parent] = path.filter((segment): segment is string => typeof segment === "string").reverse();
  const text = last === undefined ? undefined : (labels.get(`${parent}.${last}`) ?? labels.get(last));
  return text ? ` (${text})` : "";
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    text += typeof segment === "number" ? `[${segment}]` : text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) current = ownValue(current, segment);
  return current;
}

/** True when the value at the path, or any object holding it, is not known yet. */
function dependsOnUnknown(root: unknown, path: readonly PropertyKey[]): boolean {
  let current = root;
  for (const segment of path) {
    if (current === UNKNOWN_VALUE) return true;
    current = ownValue(current, segment);
  }
  return current === UNKNOWN_VALUE;
}

/** Own properties only: `toString` or `constructor` in the inputs is what the user wrote, not Object's method. */
function ownValue(holder: unknown, key: PropertyKey): unknown {
  if (holder === null || typeof holder !== "object" || !Object.hasOwn(holder, key)) return undefined;
  return (holder as Record<PropertyKey, unknown>)[key];
}

/**
 * Throws when a create or update gets inputs its check refuses: the engine calls them only after check passed, so
 * this holds only for inputs that changed since (a document, a setting), and nothing is sent.
 */
export function refuseInvalidInputs(action: string, failures: readonly CheckFailure[]): void {
  if (failures.length === 0) return;
  throw new VolcengineError({
    kind: "input",
    action,
    code: ErrorCode.InvalidInput,
    message: `not sent, the inputs are invalid: ${failures.map((f) => f.reason).join("; ")}`,
    hint: "fix the fields named; `pulumi preview` shows the same checks",
  });
}
