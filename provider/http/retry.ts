import { isVolcengineError, type VolcengineError } from "../errors";

/**
 * One retry policy for every call: exponential backoff with full jitter, bounded by attempts and by a total
 * deadline. What may be repeated depends on the action: a read always, ApplySignatureIdent only when the request
 * provably never reached Volcengine or was throttled, because every filing that arrives starts a human review.
 * A throttled attempt is paced by the process's rate control (rate-control.ts) instead: it uses up no attempt and
 * waits only for `Retry-After`, so under a long throttled spell only the deadline ends it.
 */
export interface RetryPolicy {
  maxAttempts: number;
  /** No retry starts after this long since the first attempt. */
  deadlineMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  deadlineMs: 120_000,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
};

/** What a failure says about the request: never sent, refused without effect, or possibly carried out. */
export type Delivery = "not-sent" | "refused" | "ambiguous";

/**
 * TLS failures while the connection is set up, before a byte of the request is written: not sent, and sending again
 * cannot help, since the certificate will be the same.
 */
export const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Network failures that happen before a single byte of the request can reach the server. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

export function deliveryOf(error: VolcengineError): Delivery {
  if (error.kind === "config" || error.kind === "input") return "not-sent";
  if (error.kind === "transport")
    return NOT_SENT_CODES.has(error.code) || TLS_CODES.has(error.code) ? "not-sent" : "ambiguous";
  if (isThrottled(error)) return "refused";
  if (error.kind === "vendor" && (error.httpStatus ?? 200) < 500 && error.code !== "InternalServiceTimeout")
    return "refused";
  return "ambiguous";
}

export function isThrottled(error: VolcengineError): boolean {
  return error.code === "FlowLimitExceeded" || error.httpStatus === 429;
}

/** Why the failed call may be tried again, or undefined when it must not be. */
export function retryReason(error: VolcengineError, repeatable: boolean): string | undefined {
  if (error.kind === "config" || error.kind === "input" || TLS_CODES.has(error.code)) return undefined;
  const delivery = deliveryOf(error);
  if (isThrottled(error)) return "throttled";
  if (delivery === "not-sent") return "the request never reached the server";
  if (repeatable && delivery === "ambiguous") return "the call is safe to repeat";
  return undefined;
}

export interface RetryNotice {
  action: string;
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  error: VolcengineError;
  reason: string;
}

export interface RetryHooks {
  /** Each retry but throttled ones: the rate control reports those once per throttled spell, not per request. */
  onRetry?: (notice: RetryNotice) => void;
  /** Injected so tests are deterministic. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export async function withRetries<T>(
  action: string,
  repeatable: boolean,
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  hooks: RetryHooks = {},
): Promise<T> {
  const random = hooks.random ?? Math.random;
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = hooks.now ?? Date.now;
  const started = now();
  // Attempts that count against maxAttempts: every one but those the gateway refused as throttled.
  for (let number = 1; ; ) {
    try {
      return await attempt();
    } catch (error) {
      if (!isVolcengineError(error)) throw error;
      const reason = retryReason(error, repeatable);
      if (reason === undefined) throw error;
      const throttled = reason === "throttled";
      if (!throttled && number >= policy.maxAttempts) throw error;
      const backoff = throttled ? 0 : random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (number - 1));
      const delayMs = Math.round(error.retryAfterMs !== undefined ? Math.max(error.retryAfterMs, backoff) : backoff);
      if (now() - started + delayMs > policy.deadlineMs) throw error;
      if (!throttled) {
        hooks.onRetry?.({ action, attempt: number, maxAttempts: policy.maxAttempts, delayMs, error, reason });
        number++;
      }
      await sleep(delayMs);
    }
  }
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
