// Every answer, success or failure, is wrapped in the vendor's ResponseMetadata envelope so a
// client's envelope handling is exercised exactly as against the real service.
import { randomBytes } from "node:crypto";
import { stringifyJson } from "./json";

export const SERVICE_NAME = "volcSMS";

export interface ResponseMetadata {
  RequestId: string;
  Action: string;
  Version: string;
  Service: string;
  Region: string;
}

export interface EnvelopeError {
  code: string;
  message: string;
  /** SMS business errors also carry the code as a number. */
  codeN?: number;
}

export function successEnvelope(metadata: ResponseMetadata, result: unknown): string {
  return stringifyJson({ ResponseMetadata: metadata, Result: result });
}

export function errorEnvelope(metadata: ResponseMetadata, error: EnvelopeError): string {
  const details =
    error.codeN === undefined
      ? { Code: error.code, Message: error.message }
      : { Code: error.code, CodeN: error.codeN, Message: error.message };
  return stringifyJson({ ResponseMetadata: { ...metadata, Error: details } });
}

let requestCounter = 0;

/** Shaped like the vendor's ids (timestamp then hex), and unique within the process. */
export function newRequestId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  requestCounter = (requestCounter + 1) % 0x10000;
  return `${stamp}${requestCounter.toString(16).padStart(4, "0")}${randomBytes(7).toString("hex")}`.toUpperCase();
}
