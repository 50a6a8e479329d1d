// The vendor's ids are int64: JSON.parse would silently round anything above 2^53, so every
// body is read and written through lossless-json instead.
import { isLosslessNumber, isSafeNumber, parse, stringify } from "lossless-json";

/** Parses JSON keeping every number as a LosslessNumber (its exact token text). Throws on invalid JSON. */
export function parseJsonLosslessly(text: string): unknown {
  return parse(text);
}

/** Writes JSON in which bigint and LosslessNumber values become bare number tokens. */
export function stringifyJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError("value cannot be written as JSON");
  return text;
}

/**
 * Turns a losslessly parsed value into plain data that is convenient in tests: numbers that a
 * JS number holds exactly become numbers, larger integers become bigint.
 */
export function toPlainJson(value: unknown): unknown {
  if (isLosslessNumber(value)) {
    const token = value.toString();
    if (isSafeNumber(token)) return Number(token);
    return /^-?\d+$/.test(token) ? BigInt(token) : Number(token);
  }
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainJson(item)]));
  }
  return value;
}

/** The exact token text of a JSON number parsed by parseJsonLosslessly, or undefined for anything else. */
export function numberToken(value: unknown): string | undefined {
  return isLosslessNumber(value) ? value.toString() : undefined;
}
