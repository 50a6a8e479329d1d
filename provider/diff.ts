import { INPUT_PROPERTIES, type InputProperty } from "./types";
import { containsUnknown, withoutAbsent } from "./values";

export interface SignatureIdentDiff {
  changes: boolean;
  /** Every changed input: the API cannot update a qualification, so each change files a new one. */
  replaces: (InputProperty | "adoptId")[];
  /**
   * The changed fields by path, e.g. `operatorPerson.personMobile`: Pulumi's preview shows a changed secret as an
   * unchanged `[secret]`, so the provider names them for the reviewer (never their values).
   */
  changedPaths: string[];
}

/**
 * Compares checked new inputs with the stored outputs, on the properties sent to Volcengine. Of the inputs that
 * steer the provider only `adoptId` can matter: naming a qualification other than the one in the state adopts that
 * one (a replacement that files nothing); naming this one, or removing it, changes nothing.
 */
export function diffSignatureIdent(
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): SignatureIdentDiff {
  const replaces: SignatureIdentDiff["replaces"] = [];
  const changedPaths: string[] = [];
  for (const property of INPUT_PROPERTIES) {
    const before = comparable(withoutAbsent(olds[property]));
    const after = comparable(withoutAbsent(news[property]));
    const changed = changedPathsOf(property, before, after);
    if (changed.length > 0) replaces.push(property);
    changedPaths.push(...changed);
  }
  const adoptId = withoutAbsent(news.adoptId);
  if (adoptId !== undefined && adoptId !== id) {
    replaces.push("adoptId");
    changedPaths.push("adoptId");
  }
  return { changes: replaces.length > 0, replaces, changedPaths };
}

function changedPathsOf(property: InputProperty, before: unknown, after: unknown): string[] {
  if (containsUnknown(after)) return [property];
  if (property === "effectSignatures") return isCoveredBy(after, before) ? [] : [property];
  return pathsThatDiffer(before, after, property);
}

/** The deepest paths at which two values differ; a list of another length differs as a whole. */
function pathsThatDiffer(before: unknown, after: unknown, path: string): string[] {
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
function comparable(value: unknown): unknown {
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

/**
 * A qualification's effectSignatures are what the vendor lists after a refresh; signatures bound to it since
 * (BatchBindSignatureIdent, the console) are no reason to file a new one. Only a signature it does not cover is.
 */
function isCoveredBy(declared: unknown, effective: unknown): boolean {
  const wanted = Array.isArray(declared) ? declared : [];
  const have = new Set(Array.isArray(effective) ? effective : []);
  return wanted.every((signature) => have.has(signature));
}

function canonicalJson(value: unknown): string {
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
