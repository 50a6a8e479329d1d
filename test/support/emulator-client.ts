// The emulator tests' client: a request signer written again from the vendor docs (not imported
// from the emulator, so a bug in the emulator's verifier cannot make both sides agree), request
// helpers, and start/stop of emulators per describe block. The bodies it sends are the fixtures'.
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import http, { type IncomingHttpHeaders } from "node:http";
import { isInteger, isSafeNumber, parse as parseLossless, stringify as stringifyLossless } from "lossless-json";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../emulator";
import { validInputs } from "./fixtures/qualification";

export const TWO_POW_53 = 9007199254740992n;
/** The Version of the qualification actions (written here, not imported: the emulator's tests share no code with the
 * provider). */
export const SMS_API_VERSION = "2021-01-11";

export interface Envelope {
  ResponseMetadata: {
    RequestId: string;
    Action: string;
    Version: string;
    Service: string;
    Region: string;
    Error?: { Code: string; CodeN?: number; Message: string };
  };
  Result?: any;
}

export interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: Envelope;
}

export interface SignOptions {
  /** Default POST. */
  method?: string;
  accessKey?: string;
  secretKey?: string;
  region?: string;
  service?: string;
  xDate?: string;
  host?: string;
  signedHeaders?: string[];
  /** Sent as well, and signed when signedHeaders lists them (names in lower case). */
  extraHeaders?: Record<string, string>;
  omitAuthorization?: boolean;
}

export interface CallOptions extends SignOptions {
  version?: string;
  /** Sent instead of the signed body, with the headers signed for the original one. */
  bodySent?: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function xDateOf(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function signedHeadersFor(
  emu: RunningEmulator,
  query: string,
  body: string,
  o: SignOptions,
): Record<string, string> {
  const xDate = o.xDate ?? xDateOf(new Date());
  const region = o.region ?? emu.region;
  const service = o.service ?? "volcSMS";
  const headers: Record<string, string> = {
    host: o.host ?? new URL(emu.endpoint).host,
    "x-date": xDate,
    "x-content-sha256": sha256Hex(body),
    "content-type": "application/json; charset=UTF-8",
    ...o.extraHeaders,
  };
  const signed = [...(o.signedHeaders ?? ["host", "x-content-sha256", "x-date"])].sort();
  const canonicalQuery = [...new URLSearchParams(query)]
    // By key, then by value: a repeated key's values are signed sorted, as the vendor's signers sort them.
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join("&");
  const canonical = [
    o.method ?? "POST",
    "/",
    canonicalQuery,
    signed.map((h) => `${h}:${(headers[h] ?? "").trim()}\n`).join(""),
    signed.join(";"),
    headers["x-content-sha256"],
  ].join("\n");
  const scope = `${xDate.slice(0, 8)}/${region}/${service}/request`;
  const stringToSign = ["HMAC-SHA256", xDate, scope, sha256Hex(canonical)].join("\n");
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const kSigning = hmac(hmac(hmac(hmac(o.secretKey ?? emu.secretKey, xDate.slice(0, 8)), region), service), "request");
  if (!o.omitAuthorization) {
    headers.authorization =
      `HMAC-SHA256 Credential=${o.accessKey ?? emu.accessKey}/${scope}, ` +
      `SignedHeaders=${signed.join(";")}, Signature=${hmac(kSigning, stringToSign).toString("hex")}`;
  }
  return headers;
}

/** Numbers a JS number holds exactly become numbers, larger integers bigint. */
export function parseExact(text: string): unknown {
  return parseLossless(text, null, (token) =>
    isInteger(token) && !isSafeNumber(token) ? BigInt(token) : Number(token),
  );
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export function rawRequest(
  endpoint: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  // Node frames a GET body only when told its length.
  const length = init.body === undefined ? {} : { "content-length": String(Buffer.byteLength(init.body)) };
  const headers = { ...length, ...init.headers };
  return new Promise((resolve, reject) => {
    const req = http.request(`${endpoint}${path}`, { method: init.method ?? "POST", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

export async function call(
  emu: RunningEmulator,
  action: string,
  body: unknown,
  o: CallOptions = {},
): Promise<ApiResponse> {
  const query = `Action=${action}&Version=${o.version ?? SMS_API_VERSION}`;
  const text = typeof body === "string" ? body : (stringifyLossless(body) ?? "");
  const headers = signedHeadersFor(emu, query, text, o);
  const sent = o.bodySent ?? text;
  const response = await rawRequest(emu.endpoint, `/?${query}`, { method: o.method, headers, body: sent });
  return { ...response, json: parseExact(response.text) as Envelope };
}

/**
 * A GET with the parameters in the query string and no body, as the vendor's SDKs send lists: a list value is the key
 * repeated. Signed as the npm SDK signs it: without x-content-sha256 unless `signedHeaders` says otherwise.
 */
export async function callQuery(
  emu: RunningEmulator,
  action: string,
  params: Record<string, string | number | readonly (string | number)[]>,
  o: CallOptions = {},
): Promise<ApiResponse> {
  const search = new URLSearchParams({ Action: action, Version: o.version ?? SMS_API_VERSION });
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const query = search.toString().replace(/\+/g, "%20");
  const headers = signedHeadersFor(emu, query, "", { signedHeaders: ["host", "x-date"], ...o, method: "GET" });
  delete headers["content-type"];
  const response = await rawRequest(emu.endpoint, `/?${query}`, { method: "GET", headers });
  return { ...response, json: parseExact(response.text) as Envelope };
}

/** A client whose X-Date follows the given clock (the emulator's injected one). */
export function clientAt(emu: RunningEmulator, clock: () => Date) {
  return (action: string, body: unknown, o: CallOptions = {}) =>
    call(emu, action, body, { xDate: xDateOf(clock()), ...o });
}

export function errorCode(response: ApiResponse): string | undefined {
  return response.json.ResponseMetadata.Error?.Code;
}

/**
 * Call inside a describe block: returns a start() whose emulators (approvalDelayMs null unless given)
 * are all closed after each test of that block, nested blocks included.
 */
export function useEmulators(): (options?: EmulatorOptions) => Promise<RunningEmulator> {
  const running: RunningEmulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emu) => emu.close()));
  });
  return async (options: EmulatorOptions = {}) => {
    const emu = await startEmulator({ approvalDelayMs: null, ...options });
    running.push(emu);
    return emu;
  };
}

export async function apply(emu: RunningEmulator, o: CallOptions = {}): Promise<string> {
  const response = await call(emu, "ApplySignatureIdent", validInputs(), o);
  assert.equal(response.status, 200, response.text);
  assert.equal(errorCode(response), undefined, response.text);
  const match = /"id":(\d+)/.exec(response.text);
  assert.ok(match, `no bare id token in ${response.text}`);
  return match[1]!;
}

export async function listedIds(emu: RunningEmulator, o: CallOptions = {}): Promise<string[]> {
  const response = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 100 }, o);
  assert.equal(errorCode(response), undefined, response.text);
  return (response.json.Result.list as { id: number | bigint }[]).map((item) => String(item.id));
}

export const IDENTIFICATION_LIST_VERSION = "2026-01-01";

/** GetSignatureIdentificationList (Version 2026-01-01): every review status, with reason and time. */
export function listIdentifications(emu: RunningEmulator, body: unknown, o: CallOptions = {}): Promise<ApiResponse> {
  return call(emu, "GetSignatureIdentificationList", body, { version: IDENTIFICATION_LIST_VERSION, ...o });
}

export interface AdminResponse {
  status: number;
  json: any;
}

/** One call to the unsigned admin API, e.g. admin(emu, "POST", `reject?id=${id}`, { opinion: "..." }). */
export async function admin(
  emu: RunningEmulator,
  method: string,
  route: string,
  body?: unknown,
): Promise<AdminResponse> {
  const response = await rawRequest(emu.endpoint, `/__emulator/${route}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: JSON.parse(response.text) };
}
