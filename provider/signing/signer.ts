import { createHash } from "node:crypto";
import { canonicalHeaders } from "./canonical-headers";
import { canonicalQuery, type QueryParams } from "./canonical-query";
import { cachedSigningKey, hmacSha256 } from "./signing-key";

export interface SigningCredentials {
  accessKey: string;
  secretKey: string;
  sessionToken?: string;
}

export interface RequestToSign {
  method: string;
  /** Host as sent in the Host header (with the port when it is not the scheme's default). */
  host: string;
  path?: string;
  query: QueryParams;
  /** Extra headers to sign besides host, x-date, x-content-sha256 and x-security-token. */
  headers?: Record<string, string>;
  body: Buffer | string;
  /** Sign `X-Content-Sha256` (the default); the IAM V1 vector signs only host and x-date. */
  signContentHash?: boolean;
}

export interface SignerOptions {
  credentials: SigningCredentials;
  region: string;
  service: string;
  /** Injected so tests are deterministic and X-Date can be pinned to a vector. */
  now?: () => Date;
}

export interface SignedHeaders {
  /** The headers to send, Host excluded (the HTTP client sets it). */
  headers: Record<string, string>;
  signature: string;
}

export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** `YYYYMMDD'T'HHMMSS'Z'` in UTC. */
export function formatXDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Volcengine's HMAC-SHA256 request signature ("V4"), as documented and as its SDKs compute it. */
export function signRequest(request: RequestToSign, options: SignerOptions): SignedHeaders {
  const { credentials, region, service } = options;
  const xDate = formatXDate((options.now ?? (() => new Date()))());
  const shortDate = xDate.slice(0, 8);
  const bodyHash = sha256Hex(request.body);

  const toSign: Record<string, string> = { ...request.headers, host: request.host, "x-date": xDate };
  if (request.signContentHash !== false) toSign["x-content-sha256"] = bodyHash;
  if (credentials.sessionToken) toSign["x-security-token"] = credentials.sessionToken;
  const { block, signedHeaders } = canonicalHeaders(toSign);

  const canonicalRequest = [
    request.method.toUpperCase(),
    request.path ?? "/",
    canonicalQuery(request.query),
    block,
    signedHeaders,
    bodyHash,
  ].join("\n");
  const scope = `${shortDate}/${region}/${service}/request`;
  const stringToSign = ["HMAC-SHA256", xDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signature = hmacSha256(cachedSigningKey(credentials, shortDate, region, service), stringToSign).toString("hex");

  const headers: Record<string, string> = { ...request.headers, "X-Date": xDate, "X-Content-Sha256": bodyHash };
  if (credentials.sessionToken) headers["X-Security-Token"] = credentials.sessionToken;
  headers.Authorization =
    `HMAC-SHA256 Credential=${credentials.accessKey}/${scope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers, signature };
}
