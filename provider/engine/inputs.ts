/** Helpers for the property values the engine passes to provider methods. */

/** The key of the serialized provider in every resource's inputs and outputs. */
export const PROVIDER_KEY = "__provider";

/** The placeholder the engine sends in preview for a value not known yet. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Props = Record<string, unknown>;

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

/** Set and known: neither absent nor the preview's placeholder for a value not known yet. */
export function isKnown(value: unknown): boolean {
  return value !== undefined && value !== null && value !== UNKNOWN_VALUE;
}

export function withoutProvider(props: Props): Props {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

/**
 * The request body (the input properties, without absent values) and the inputs that steer the provider, which are
 * never sent. Any other key stays in the body, so check reports it as an unknown property.
 */
export function splitInputs(props: Props, controlKeys: readonly string[]): { body: Props; controls: Props } {
  const body: Props = {};
  const controls: Props = {};
  for (const key of Object.keys(props)) {
    if (key === PROVIDER_KEY) continue;
    const value = withoutAbsent(props[key]);
    if (value === undefined) continue;
    if (controlKeys.includes(key)) controls[key] = value;
    else body[key] = value;
  }
  return { body, controls };
}

/** A string input as stored, or "" when it is not one (outputs of older releases may lack it). */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}
