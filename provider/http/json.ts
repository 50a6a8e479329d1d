import { isInteger, isSafeNumber, parse, stringify } from "lossless-json";

/**
 * JSON that keeps int64 exact: qualification ids are 64-bit, and JSON.parse turns 9007199254740993 into
 * 9007199254740992. Integers beyond 2^53 parse to bigint; bigint values are written back as bare number tokens.
 */
export function parseJson(text: string): unknown {
  return parse(text, null, (value) =>
    isSafeNumber(value) ? Number(value) : isInteger(value) ? BigInt(value) : Number(value),
  );
}

export function stringifyJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError("value cannot be written as JSON");
  return text;
}

/** A decimal id string as the exact integer to write into request JSON. */
export function idToJson(id: string): bigint {
  if (!/^\d{1,19}$/.test(id)) throw new TypeError(`not a qualification id: must be a decimal integer`);
  return BigInt(id);
}

/** The exact decimal form of a JSON integer, or undefined when the value is not an integer. */
export function integerToId(value: unknown): string | undefined {
  if (typeof value === "bigint") return value >= 0n ? value.toString() : undefined;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  // Some gateways quote int64 values to protect JavaScript clients.
  if (typeof value === "string" && /^\d{1,19}$/.test(value)) return value.replace(/^0+(?=\d)/, "");
  return undefined;
}
