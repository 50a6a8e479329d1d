import { createHmac } from "node:crypto";

export function hmacSha256(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** kDate → kRegion → kService → kSigning; the raw secret key is the first HMAC key (no prefix). */
export function deriveSigningKey(secretKey: string, shortDate: string, region: string, service: string): Buffer {
  const kDate = hmacSha256(secretKey, shortDate);
  const kRegion = hmacSha256(kDate, region);
  const kService = hmacSha256(kRegion, service);
  return hmacSha256(kService, "request");
}

/** Derived keys change once a day; a process signs for a few credentials and regions. */
const MAX_CACHED_KEYS = 50;
const cache = new Map<string, Buffer>();

/**
 * The signing key, derived once per date, region, service and credentials and kept, as @smithy/signature-v4 keeps
 * them: a request then costs one HMAC for its key instead of four. The cache key holds an HMAC of the access key
 * under the secret, not the secret, so a rotated secret for the same access key derives a key of its own.
 */
export function cachedSigningKey(
  credentials: { accessKey: string; secretKey: string },
  shortDate: string,
  region: string,
  service: string,
): Buffer {
  const fingerprint = hmacSha256(credentials.secretKey, credentials.accessKey).toString("hex");
  const key = `${shortDate}\n${region}\n${service}\n${fingerprint}`;
  let derived = cache.get(key);
  if (derived === undefined) {
    if (cache.size >= MAX_CACHED_KEYS) cache.clear();
    derived = deriveSigningKey(credentials.secretKey, shortDate, region, service);
    cache.set(key, derived);
  }
  return derived;
}
