// Verifies Volcengine's HMAC-SHA256 ("V4") request signatures the way the gateway does.
// Written from the algorithm in the vendor docs, deliberately without sharing code with
// provider/: if both sides shared a bug they would agree with each other and never with
// the real service.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export type AuthErrorCode =
  | "MissingSignature"
  | "InvalidAuthorization"
  | "InvalidAccessKey"
  | "InvalidCredential"
  | "InvalidTimestamp"
  | "SignatureDoesNotMatch";

export interface IncomingSignedRequest {
  method: string;
  /** The path exactly as received, without the query string. */
  path: string;
  /** Everything after the first "?", exactly as received ("" when absent). */
  rawQuery: string;
  /** Header names in lower case, as node's IncomingMessage.headers has them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
}

export interface VerificationPolicy {
  /** Service name the credential scope must carry, e.g. "volcSMS". */
  service: string;
  regions: readonly string[];
  secretKeyFor: (accessKey: string) => string | undefined;
  now: Date;
  /** Header names (lower case) that SignedHeaders must list. */
  requiredSignedHeaders: readonly string[];
  maxClockSkewMs?: number;
}

export type VerificationResult =
  | { ok: true; accessKey: string; region: string }
  | { ok: false; code: AuthErrorCode; message: string; region?: string };

export const AUTH_ERROR_HTTP_STATUS: Readonly<Record<AuthErrorCode, number>> = {
  MissingSignature: 401,
  InvalidAuthorization: 400,
  InvalidAccessKey: 401,
  InvalidCredential: 400,
  InvalidTimestamp: 403,
  SignatureDoesNotMatch: 401,
};

const ALGORITHM = "HMAC-SHA256";
const SCOPE_TERMINATOR = "request";
const DEFAULT_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

interface ParsedAuthorization {
  accessKey: string;
  shortDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export function verifySignature(request: IncomingSignedRequest, policy: VerificationPolicy): VerificationResult {
  const authorization = headerValue(request.headers, "authorization");
  if (authorization === undefined || authorization.trim() === "") {
    return fail("MissingSignature", "The request has no Authorization header.");
  }
  const auth = parseAuthorization(authorization.trim());
  if (typeof auth === "string") return fail("InvalidAuthorization", auth);
  const region = auth.region;

  const secretKey = policy.secretKeyFor(auth.accessKey);
  if (secretKey === undefined) {
    return fail("InvalidAccessKey", "The access key in the credential scope is not known.", region);
  }

  const xDate = headerValue(request.headers, "x-date")?.trim();
  const signedAt = xDate === undefined ? undefined : parseXDate(xDate);
  if (xDate === undefined || signedAt === undefined) {
    return fail("InvalidTimestamp", "X-Date must be present and look like 20240101T000000Z (UTC).", region);
  }

  if (auth.service !== policy.service) {
    return fail(
      "InvalidCredential",
      `The credential scope names service ${auth.service}; expected ${policy.service}.`,
      region,
    );
  }
  if (!policy.regions.includes(auth.region)) {
    return fail(
      "InvalidCredential",
      `The credential scope names region ${auth.region}; accepted: ${policy.regions.join(", ")}.`,
      region,
    );
  }
  if (auth.shortDate !== xDate.slice(0, 8)) {
    return fail("InvalidCredential", "The credential scope date differs from the date in X-Date.", region);
  }

  const mustSign = [...policy.requiredSignedHeaders];
  if (headerValue(request.headers, "x-security-token") !== undefined) mustSign.push("x-security-token");
  const unsigned = mustSign.filter((name) => !auth.signedHeaders.includes(name));
  if (unsigned.length > 0) {
    return fail("InvalidAuthorization", `SignedHeaders must include ${unsigned.join(", ")}.`, region);
  }
  const absent = auth.signedHeaders.filter((name) => headerValue(request.headers, name) === undefined);
  if (absent.length > 0) {
    return fail(
      "InvalidAuthorization",
      `SignedHeaders lists ${absent.join(", ")} but the request has no such header.`,
      region,
    );
  }

  const actualBodyHash = sha256Hex(request.body);
  const declaredBodyHash = headerValue(request.headers, "x-content-sha256")?.trim();
  if (declaredBodyHash !== undefined && declaredBodyHash.toLowerCase() !== actualBodyHash) {
    return fail("SignatureDoesNotMatch", "X-Content-Sha256 is not the SHA-256 of the request body.", region);
  }

  const maxSkew = policy.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  if (Math.abs(policy.now.getTime() - signedAt.getTime()) > maxSkew) {
    return fail(
      "InvalidTimestamp",
      `X-Date is more than ${Math.round(maxSkew / 60000)} minutes away from the server's clock.`,
      region,
    );
  }

  const canonical = canonicalRequest(request, auth.signedHeaders, declaredBodyHash ?? actualBodyHash);
  const expected = signatureFor(secretKey, xDate, auth.region, auth.service, canonical);
  if (!sameHex(expected, auth.signature.toLowerCase())) {
    return fail(
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your secret key and signing method.",
      region,
    );
  }
  return { ok: true, accessKey: auth.accessKey, region };
}

/** The canonical request string, step 3 of the documented algorithm. */
export function canonicalRequest(
  request: IncomingSignedRequest,
  signedHeaders: readonly string[],
  bodyHash: string,
): string {
  const names = [...signedHeaders].sort(compareCodeUnits);
  const headerBlock = names
    .map((name) => `${name}:${canonicalHeaderValue(headerValue(request.headers, name) ?? "")}\n`)
    .join("");
  return [
    request.method.toUpperCase(),
    request.path || "/",
    canonicalQuery(request.rawQuery),
    headerBlock,
    names.join(";"),
    bodyHash,
  ].join("\n");
}

export function canonicalQuery(rawQuery: string): string {
  const pairs = rawQuery
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair): [string, string] => {
      const eq = pair.indexOf("=");
      return eq < 0
        ? [decodeQueryPart(pair), ""]
        : [decodeQueryPart(pair.slice(0, eq)), decodeQueryPart(pair.slice(eq + 1))];
    });
  pairs.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]));
  return pairs.map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`).join("&");
}

/** Steps 4 and 5: derive the signing key from the secret and sign the canonical request. */
export function signatureFor(
  secretKey: string,
  xDate: string,
  region: string,
  service: string,
  canonical: string,
): string {
  const shortDate = xDate.slice(0, 8);
  const scope = `${shortDate}/${region}/${service}/${SCOPE_TERMINATOR}`;
  const stringToSign = [ALGORITHM, xDate, scope, sha256Hex(canonical)].join("\n");
  const kDate = hmac(secretKey, shortDate);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  const kSigning = hmac(kService, SCOPE_TERMINATOR);
  return hmac(kSigning, stringToSign).toString("hex");
}

/** Returns the parsed header, or a message saying what is wrong with it. */
function parseAuthorization(value: string): ParsedAuthorization | string {
  const expectedShape = `Authorization must look like "${ALGORITHM} Credential=AK/yyyymmdd/region/service/request, SignedHeaders=a;b, Signature=hex".`;
  if (!value.startsWith(`${ALGORITHM} `)) return expectedShape;
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return expectedShape;
    const key = part.slice(0, eq).trim();
    if (fields.has(key)) return expectedShape;
    fields.set(key, part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (fields.size !== 3 || !credential || !signedHeaders || !signature) return expectedShape;

  const scope = credential.split("/");
  if (
    scope.length !== 5 ||
    scope.some((part) => part === "") ||
    scope[4] !== SCOPE_TERMINATOR ||
    !/^\d{8}$/.test(scope[1])
  ) {
    return "Credential must be AK/yyyymmdd/region/service/request.";
  }
  const headerNames = signedHeaders.split(";");
  if (headerNames.some((name) => !HEADER_NAME.test(name))) {
    return "SignedHeaders must be lower-case header names separated by semicolons.";
  }
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return "Signature must be 64 hexadecimal digits.";
  const [accessKey, shortDate, region, service] = scope;
  return { accessKey, shortDate, region, service, signedHeaders: headerNames, signature };
}

function parseXDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return roundTrips ? date : undefined;
}

function headerValue(headers: IncomingSignedRequest["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

// The official SDK collapses inner whitespace as well as trimming; a value without runs of
// spaces canonicalises identically under either reading of the docs.
function canonicalHeaderValue(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

// Go's url.ParseQuery (the gateway's likely parser) reads "+" as a space.
function decodeQueryPart(part: string): string {
  const spaced = part.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

function fail(code: AuthErrorCode, message: string, region?: string): VerificationResult {
  return { ok: false, code, message, region };
}
