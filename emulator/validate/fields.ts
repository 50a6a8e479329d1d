// Field readers every action's validation shares. Each failure is a 1001 whose message names the field and the rule
// and never repeats the value: ID numbers, mobiles and file contents are personal data.
import { LosslessNumber } from "lossless-json";
import { invalidParameter } from "../business-error";
import { numberToken } from "../json";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_PAGE_SIZE = 100;
const FILE_SUFFIXES = ["jpg", "jpeg", "png"];
export const DOC_TYPES = { min: 0, max: 17 };
const INT64_MAX = (1n << 63n) - 1n;

export type Fields = Record<string, unknown>;

export function validateFile(file: Fields, path: string): void {
  const suffix = requiredString(file, "fileSuffix", `${path}.fileSuffix`);
  if (!FILE_SUFFIXES.includes(suffix.toLowerCase())) {
    throw invalidParameter(`${path}.fileSuffix must be one of ${FILE_SUFFIXES.join(", ")}`);
  }
  optionalInteger(file, "fileType", `${path}.fileType`, DOC_TYPES);
  const content = optionalString(file, "fileContent", `${path}.fileContent`) ?? "";
  const url = optionalString(file, "fileUrl", `${path}.fileUrl`) ?? "";
  if (content === "" && url === "") throw invalidParameter(`${path} needs fileContent or fileUrl`);
  if (content !== "") {
    const size = decodedBase64Size(content);
    if (size === undefined) throw invalidParameter(`${path}.fileContent must be base64 (optionally a data: URI)`);
    if (size > MAX_FILE_BYTES) throw invalidParameter(`${path}.fileContent must be at most 5 MB once decoded`);
  }
}

export function decodedBase64Size(content: string): number | undefined {
  const base64 = content.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) return undefined;
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor(((base64.length - padding) * 3) / 4);
}

export function requestObject(body: unknown): Fields {
  if (!isPlainObject(body)) throw invalidParameter("the request body must be a JSON object");
  return body;
}

export function requiredObject(parent: Fields, key: string, path: string): Fields {
  const value = optionalObject(parent, key, path);
  if (!value) throw invalidParameter(`${path} is required`);
  return value;
}

export function optionalObject(parent: Fields, key: string, path: string): Fields | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw invalidParameter(`${path} must be an object`);
  return value;
}

export function requiredString(parent: Fields, key: string, path: string): string {
  const value = optionalString(parent, key, path);
  if (value === undefined || value.trim() === "") throw invalidParameter(`${path} is required`);
  return value;
}

export function optionalString(parent: Fields, key: string, path: string): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidParameter(`${path} must be a string`);
  return value;
}

export function requiredDate(parent: Fields, key: string, path: string): void {
  const value = requiredString(parent, key, path);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw invalidParameter(`${path} must be a date YYYY-MM-DD`);
}

export interface IntegerRange {
  min: number;
  max: number;
}

export function requiredInteger(parent: Fields, key: string, path: string, range?: IntegerRange): bigint {
  const value = optionalInteger(parent, key, path, range);
  if (value === undefined) throw invalidParameter(`${path} is required`);
  return value;
}

export function optionalInteger(parent: Fields, key: string, path: string, range?: IntegerRange): bigint | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  const token = numberToken(value);
  if (token === undefined || !/^-?\d+$/.test(token)) throw invalidParameter(`${path} must be an integer`);
  const integer = BigInt(token);
  if (range && (integer < BigInt(range.min) || integer > BigInt(range.max))) {
    throw invalidParameter(`${path} must be between ${range.min} and ${range.max}`);
  }
  return integer;
}

/** A qualification id: a positive int64 sent as a JSON number. */
export function identifier(value: unknown, path: string): bigint {
  if (value === undefined || value === null) throw invalidParameter(`${path} is required`);
  const token = numberToken(value);
  if (token === undefined || !/^\d+$/.test(token)) throw invalidParameter(`${path} must be a positive integer (int64)`);
  const id = BigInt(token);
  if (id <= 0n || id > INT64_MAX) throw invalidParameter(`${path} must be a positive integer (int64)`);
  return id;
}

export function optionalArray(parent: Fields, key: string, path: string): unknown[] | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidParameter(`${path} must be an array`);
  return value;
}

export function optionalStrings(parent: Fields, key: string, path: string): string[] | undefined {
  const values = optionalArray(parent, key, path);
  return values?.map((value, index) => {
    if (typeof value !== "string" || value.trim() === "")
      throw invalidParameter(`${path}[${index}] must be a non-empty string`);
    return value;
  });
}

export function optionalFiles(parent: Fields, key: string): Fields[] {
  return optionalFilesAt(parent, key, key, false);
}

export function optionalFilesAt(parent: Fields, key: string, path: string, required: boolean): Fields[] {
  const files = optionalArray(parent, key, path);
  if (files === undefined && required) throw invalidParameter(`${path} is required`);
  return (files ?? []).map((file, index) => {
    const filePath = `${path}[${index}]`;
    if (!isPlainObject(file)) throw invalidParameter(`${filePath} must be an object`);
    validateFile(file, filePath);
    return file;
  });
}

export function isPlainObject(value: unknown): value is Fields {
  return value !== null && typeof value === "object" && !Array.isArray(value) && numberToken(value) === undefined;
}

/**
 * The parameters of a GET as the actions read a body: a key given once is a string (a list of one where a list is
 * expected), a repeated key a list, and an integer parameter a number token, as JSON would carry it.
 */
export function queryParameters(
  rawQuery: string,
  shape: { integers?: readonly string[]; lists?: readonly string[] },
): Fields {
  const query = new URLSearchParams(rawQuery);
  const fields: Fields = {};
  for (const key of new Set(query.keys())) {
    if (key === "Action" || key === "Version") continue;
    const values = query.getAll(key);
    const asNumber = (value: string) =>
      shape.integers?.includes(key) && /^-?\d+$/.test(value) ? new LosslessNumber(value) : value;
    if (shape.lists?.includes(key)) {
      fields[key] = values
        .flatMap((value) => value.split(","))
        .filter((value) => value !== "")
        .map(asNumber);
    } else {
      fields[key] = asNumber(values.at(-1) ?? "");
    }
  }
  return fields;
}
