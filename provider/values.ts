/** Helpers for the property values the engine passes to provider methods. */

/** The placeholder the engine sends in preview for a value not known yet. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Drops null and undefined everywhere: for Pulumi inputs, absent, undefined and null all mean "not set". */
export function withoutAbsent(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(withoutAbsent);
  if (typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const kept = withoutAbsent(item);
      if (kept !== undefined) result[key] = kept;
    }
    return result;
  }
  return value;
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}
