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
