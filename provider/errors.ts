import { redact } from "./redact";
import { settingNames } from "./settings/table";

/**
 * Where a failure came from: the vendor answered with an error, the network failed, the answer was unusable, the setup
 * is wrong, or the inputs are.
 */
export type VolcengineErrorKind = "vendor" | "transport" | "response" | "config" | "input";

/**
 * The codes the provider itself gives for any resource, stable across versions so a program or a script can branch on
 * them; each resource adds its own (resources/<resource>/errors.ts, merged into the exported `ErrorCode`). Other codes
 * are the vendor's (`SignatureDoesNotMatch`, `1001`), undici's or Node's (`UND_ERR_HEADERS_TIMEOUT`,
 * `ECONNREFUSED`), or `HTTP<status>` for an error status without an error envelope.
 */
export const ErrorCode = {
  /** The inputs break a rule `pulumi preview` checks; nothing was sent. */
  InvalidInput: "InvalidInput",
  /** A document file is missing or changed since the preview; nothing was sent. */
  DocumentChanged: "DocumentChanged",
  /** No access key or no secret key is configured. */
  MissingCredentials: "MissingCredentials",
  /** A numeric or enumerated setting has a value it cannot take. */
  InvalidSetting: "InvalidSetting",
  /** The endpoint setting is not a URL, or carries a query string the provider cannot sign. */
  InvalidEndpoint: "InvalidEndpoint",
  /** The endpoint is plain http away from loopback. */
  InsecureEndpoint: "InsecureEndpoint",
  /** The answer is not the SMS API's JSON envelope, or lacks what the action returns. */
  InvalidResponse: "InvalidResponse",
  /** The answer is larger than the client buffers. */
  ResponseTooLarge: "ResponseTooLarge",
  /** A network failure with no code of its own. */
  NetworkError: "NetworkError",
  /** An undici failure with no more specific code. */
  UndiciError: "UND_ERR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface VolcengineErrorDetails {
  kind: VolcengineErrorKind;
  action: string;
  /** One of ours (`ErrorCode`), the vendor's `Code`, undici's or Node's code, or `HTTP<status>`. */
  code: ErrorCode | (string & {});
  message: string;
  httpStatus?: number;
  requestId?: string;
  /** What the user should do; defaults to the hint known for `code`. */
  hint?: string;
  /** From a `Retry-After` header. */
  retryAfterMs?: number;
  /** The request reached Volcengine but its outcome is unknown: what it files (a qualification, say) may exist. */
  mayHaveBeenFiled?: boolean;
  /** Values that must not appear in the message even if the vendor echoes them (keys, personal values). */
  secrets?: readonly (string | undefined)[];
  /** The failure underneath (undici's, Node's, or the error a wider one reports on), kept for a debugger. */
  cause?: unknown;
}

/** What to do about codes any action can answer; a resource's own codes bring their hints with the call. */
const HINTS: Record<string, string> = {
  SignatureDoesNotMatch:
    "the secret key does not belong to the access key, or something between here and Volcengine rewrote the " +
    `request: check ${settingNames("secretKey")}`,
  InvalidAccessKey:
    `Volcengine does not know this access key: check ${settingNames("accessKey")} (a key of a deleted or disabled ` +
    "user fails too)",
  InvalidTimestamp:
    "this machine's clock differs from Volcengine's by more than 15 minutes: synchronise it (timedatectl, chrony or " +
    "ntpdate) and retry",
  InvalidSecretToken: "the STS session token is expired or does not match the keys: get new temporary credentials",
  MissingSignature: "the request reached Volcengine unsigned: a proxy may strip the Authorization header",
  AccessDenied: "the key's user lacks permission for volcSMS: attach an SMS policy to it in the Volcengine IAM console",
  LackPolicy: "the key's user lacks permission for volcSMS: attach an SMS policy to it in the Volcengine IAM console",
  FlowLimitExceeded: "Volcengine throttled the request: wait a minute and run again",
  "1001":
    "Volcengine rejected a parameter (参数错误): fix the field the message names and run again; `pulumi preview` checks " +
    "most rules before anything is sent",
  "1023":
    "this account has no permission to call this SMS API (no permission): enable SMS for the account or grant the " +
    "key's user an SMS policy in the Volcengine console",
  "1999":
    "Volcengine had a system error (系统错误): retry later, and give the RequestId to Volcengine support if it persists",
};

/**
 * The one error the provider throws: a setting, the inputs, the network or Volcengine's answer. It carries what a
 * user (or their support ticket) needs, and is redacted at construction, so no caller can leak a key or a personal
 * value.
 */
export class VolcengineError extends Error {
  override readonly name = "VolcengineError";
  readonly kind: VolcengineErrorKind;
  readonly action: string;
  readonly code: ErrorCode | (string & {});
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly hint?: string;
  readonly retryAfterMs?: number;
  readonly mayHaveBeenFiled: boolean;
  /** What happened, without the action, codes and hint around it (redacted). */
  readonly detail: string;

  constructor(details: VolcengineErrorDetails) {
    const hint = details.hint ?? HINTS[details.code];
    const facts = [
      details.code,
      details.httpStatus !== undefined ? `HTTP ${details.httpStatus}` : undefined,
      details.requestId ? `RequestId ${details.requestId}` : undefined,
    ].filter(Boolean);
    const what = `${details.action} failed (${facts.join(", ")}): ${details.message}`;
    const text = hint ? `${what}. What to do: ${hint}` : what;
    super(redact(text, details.secrets), details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.action = details.action;
    this.code = details.code;
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
    this.hint = hint;
    this.retryAfterMs = details.retryAfterMs;
    this.mayHaveBeenFiled = details.mayHaveBeenFiled ?? false;
    this.detail = redact(details.message, details.secrets);
    // Pulumi's provider host prints `${error}: ${error.stack}`; a stack trace says nothing to a user here.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * True for a VolcengineError, also one made by another copy of this package (two installs in one project): the check
 * is by name, which `instanceof` across copies is not.
 */
export function isVolcengineError(error: unknown): error is VolcengineError {
  return error instanceof VolcengineError || (error instanceof Error && error.name === "VolcengineError");
}
