/**
 * Comparing checked new inputs with the stored outputs, for every resource: which input properties changed, and the
 * deepest paths at which they did. Pulumi's preview shows a changed secret as an unchanged `[secret]`, so resources
 * name the changed paths for the reviewer (never their values); what a change means (update or replacement) is the
 * resource's policy.
 */
import { containsUnknown, type Props, withoutAbsent } from "./inputs";

export interface PropertyChange {
  property: string;
  /** E.g. `person.mobile`; the property itself when its new value is not known yet. */
  paths: string[];
}

/**
 * A property's own rule for "changed", for properties whose stored value legitimately differs from the declared one
 * (what the vendor lists after a refresh, say). Receives both values without absent parts and with documents reduced
 * to their digests.
 */
export type ChangeRule = (before: unknown, after: unknown) => boolean;

/** The properties among `properties` whose value differs between the stored outputs and the new inputs. */
export function changedProperties(
  properties: readonly string[],
  olds: Props,
  news: Props,
  rules: Readonly<Record<string, ChangeRule>> = {},
): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const property of properties) {
    const before = comparable(withoutAbsent(olds[property]));
    const after = comparable(withoutAbsent(news[property]));
    const paths = changedPaths(property, before, after, Object.hasOwn(rules, property) ? rules[property] : undefined);
    if (paths.length > 0) changes.push({ property, paths });
  }
  return changes;
}

function changedPaths(property: string, before: unknown, after: unknown, rule: ChangeRule | undefined): string[] {
  if (containsUnknown(after)) return [property];
  if (rule) return rule(before, after) ? [property] : [];
  return pathsThatDiffer(before, after, property);
}

/** The deepest paths at which two values differ; a list of another length differs as a whole. */
export function pathsThatDiffer(before: unknown, after: unknown, path: string): string[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === "object" && !Array.isArray(value);
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, index) => pathsThatDiffer(item, after[index], `${path}[${index}]`));
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => pathsThatDiffer(before[key], after[key], `${path}.${key}`));
  }
  return [path];
}

/** A file on disk is the same document wherever it lies: only its digest counts. */
export function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const document = item as { sha256?: unknown } | null;
    result[key] =
      key === "document" && document !== null && typeof document === "object"
        ? { sha256: document.sha256 }
        : comparable(item);
  }
  return result;
}

/** JSON with object keys sorted, so equal values give equal text whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A change's paths for one diagnostic line: the first few, then how many more (a wholesale change must not flood). */
export function listPaths(paths: readonly string[], shown = 8): string {
  return paths.length > shown
    ? `${paths.slice(0, shown).join(", ")} and ${paths.length - shown} more`
    : paths.join(", ");
}
