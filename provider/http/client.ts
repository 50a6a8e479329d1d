import { request, errors as undiciErrors } from "undici";
import { ErrorCode, VolcengineError } from "../errors";
import { settingNames } from "../settings/table";
import type { QueryParams } from "../signing/canonical-query";
import { type SigningCredentials, signRequest } from "../signing/signer";
import { type SharedTransport, sharedTransport } from "./connections";
import { parseJson } from "./json";
import { describeThrottleNotice } from "./rate-control";
import {
  deliveryOf,
  isThrottled,
  parseRetryAfter,
  type RetryHooks,
  type RetryPolicy,
  TLS_CODES,
  withRetries,
} from "./retry";

export interface SignedJsonClientOptions {
  /** `https://sms.volcengineapi.com` or a proxy/emulator; its path, if any, is kept. */
  endpoint: URL;
  region: string;
  /** The service in the signature's scope (`volcSMS`). */
  service: string;
  credentials: SigningCredentials;
  connectTimeoutMs: number;
  /** PEM certificates to trust instead of Node's bundled CAs (volcengine:smsCaFile). */
  ca?: string;
  /** Applies to waiting for the response headers and to each pause in the response body. */
  timeoutMs: number;
  retryPolicy: RetryPolicy;
  retryHooks?: RetryHooks;
  /** Answers larger than this are refused instead of buffered. */
  maxResponseBytes?: number;
  now?: () => Date;
  /** Hears one line when the process starts being throttled and one when that is over. */
  report?: (line: string) => void;
}

export interface CallResult {
  result: Record<string, unknown>;
  requestId: string;
  httpStatus: number;
}

/** One call of an action: what `provider/api/` says about it. */
export interface ActionCall {
  action: string;
  version: string;
  /** POST with a JSON body (the default), or GET with the parameters in the query string, as the lists take them. */
  method?: "POST" | "GET";
  /** The JSON body of a POST, as text or as the UTF-8 bytes to send. */
  body?: string | Buffer;
  /** A GET's parameters besides Action and Version; a list is sent as the key repeated. */
  query?: QueryParams;
  /** True for reads; false for an action that must not run twice (ApplySignatureIdent). */
  repeatable: boolean;
  /** Values of the request to keep out of error messages even if the vendor echoes them. */
  personalValues?: readonly string[];
  /** The hint for a non-repeatable call that may have been carried out. */
  ifAmbiguous?: string;
  /** What to do about the action's own vendor codes (`1027` of a filing, say), by code. */
  hints?: Readonly<Record<string, string>>;
}

/** What the API functions need of a client: one call of an action. Tests give a fake one. */
export type ActionClient = Pick<SignedJsonClient, "call">;

interface Envelope {
  ResponseMetadata?: { RequestId?: unknown; Error?: { Code?: unknown; CodeN?: unknown; Message?: unknown } };
  Result?: unknown;
}

/**
 * Signs and sends actions of a Volcengine API (`POST /?Action=…&Version=…` with a JSON body, or GET with the parameters
 * in the query) that answers with the `ResponseMetadata`/`Result` envelope; turns every failure into a
 * VolcengineError. It knows no action: what an
 * action sends and what its Result means is in `provider/api/`.
 */
export class SignedJsonClient {
  private readonly transport: SharedTransport;

  constructor(private readonly options: SignedJsonClientOptions) {
    const report = options.report;
    this.transport = sharedTransport(
      options.endpoint,
      options,
      report && ((notice) => report(describeThrottleNotice(notice))),
    );
  }

  /**
   * Calls an action under the retry policy. `repeatable: false` marks an action that must not run twice: it is
   * retried only when the request provably never arrived or was throttled, and a failure after which it may have
   * run anyway is reported with `mayHaveBeenFiled` and `ifAmbiguous` as the hint.
   *
   * Every request of the provider goes out through `send`, once per attempt: the one place to meter them.
   */
  async call(call: ActionCall): Promise<CallResult> {
    const { action, repeatable } = call;
    const secrets = [
      this.options.credentials.secretKey,
      this.options.credentials.sessionToken,
      ...(call.personalValues ?? []),
    ];
    try {
      const bytes = typeof call.body === "string" ? Buffer.from(call.body, "utf8") : (call.body ?? Buffer.alloc(0));
      const attempt = () => this.send(call, bytes, secrets);
      return await withRetries(action, repeatable, this.options.retryPolicy, attempt, this.options.retryHooks);
    } catch (error) {
      if (error instanceof VolcengineError && !repeatable && deliveryOf(error) === "ambiguous") {
        throw new VolcengineError({
          kind: error.kind,
          action,
          code: error.code,
          httpStatus: error.httpStatus,
          requestId: error.requestId,
          secrets,
          message:
            `${error.detail}; the request reached Volcengine, so it may have been carried out, and it was ` +
            `not repeated`,
          hint: call.ifAmbiguous,
          mayHaveBeenFiled: true,
          cause: error,
        });
      }
      throw error;
    }
  }

  /** One attempt, when the process's rate control lets it go; what the answer says about throttling goes back. */
  private async send(call: ActionCall, bytes: Buffer, secrets: readonly (string | undefined)[]): Promise<CallResult> {
    const { rateControl } = this.transport;
    const sentAt = await rateControl.acquire();
    try {
      const result = await this.exchange(call, bytes, secrets);
      rateControl.record(sentAt, { throttled: false });
      return result;
    } catch (error) {
      // A transport failure carries no answer, so it says nothing about the gateway's limit.
      if (error instanceof VolcengineError && error.kind !== "transport")
        rateControl.record(sentAt, { throttled: isThrottled(error) });
      throw error;
    }
  }

  /** Signed afresh for each attempt (X-Date is part of the signature). */
  private async exchange(
    call: ActionCall,
    bytes: Buffer,
    secrets: readonly (string | undefined)[],
  ): Promise<CallResult> {
    const { action, version, repeatable } = call;
    const method = call.method ?? "POST";
    const { endpoint, credentials } = this.options;
    const query: QueryParams = { ...call.query, Action: action, Version: version };
    const url = new URL(endpoint);
    for (const [key, value] of Object.entries(query)) {
      for (const item of typeof value === "string" ? [value] : value) url.searchParams.append(key, item);
    }
    const signed = signRequest(
      {
        method,
        host: url.host,
        path: url.pathname || "/",
        query,
        headers: method === "POST" ? { "Content-Type": "application/json; charset=UTF-8" } : {},
        body: bytes,
      },
      { credentials, region: this.options.region, service: this.options.service, now: this.options.now },
    );

    let status: number;
    let text: string;
    let requestIdHeader: string | undefined;
    let retryAfterMs: number | undefined;
    try {
      const response = await request(url, {
        method,
        headers: signed.headers,
        body: method === "POST" ? bytes : undefined,
        dispatcher: repeatable ? this.transport.reads : this.transport.filings,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      status = response.statusCode;
      requestIdHeader = headerValue(response.headers["x-tt-logid"]);
      retryAfterMs = parseRetryAfter(headerValue(response.headers["retry-after"]));
      text = await readLimited(response.body, this.options.maxResponseBytes ?? 10 * 1024 * 1024, action, status);
    } catch (error) {
      if (error instanceof VolcengineError) throw error;
      throw transportError(action, error, secrets);
    }

    let envelope: Envelope;
    try {
      envelope = parseJson(text) as Envelope;
    } catch (error) {
      throw new VolcengineError({
        kind: "response",
        action,
        code: ErrorCode.InvalidResponse,
        httpStatus: status,
        requestId: requestIdHeader,
        secrets,
        retryAfterMs,
        message: `the answer is not JSON (${text.length} characters, starting ${JSON.stringify(text.slice(0, 40))})`,
        hint: `a proxy or gateway answered instead of the SMS API: check ${settingNames("smsEndpoint")}`,
        cause: error,
      });
    }
    const metadata = isObject(envelope) && isObject(envelope.ResponseMetadata) ? envelope.ResponseMetadata : undefined;
    const requestId = typeof metadata?.RequestId === "string" ? metadata.RequestId : requestIdHeader;
    const vendorError = metadata?.Error;
    if (isObject(vendorError)) {
      const code =
        vendorError.Code !== undefined && vendorError.Code !== ""
          ? String(vendorError.Code)
          : String(vendorError.CodeN ?? "Unknown");
      throw new VolcengineError({
        kind: "vendor",
        action,
        code,
        httpStatus: status,
        requestId,
        secrets,
        retryAfterMs,
        hint: call.hints && Object.hasOwn(call.hints, code) ? call.hints[code] : undefined,
        message:
          typeof vendorError.Message === "string" && vendorError.Message !== "" ? vendorError.Message : "no message",
      });
    }
    if (status < 200 || status >= 300) {
      throw new VolcengineError({
        kind: "response",
        action,
        code: `HTTP${status}`,
        httpStatus: status,
        requestId,
        secrets,
        retryAfterMs,
        message: "the answer has an error status but no error in its ResponseMetadata",
      });
    }
    if (!isObject(envelope) || !isObject(envelope.Result)) {
      throw new VolcengineError({
        kind: "response",
        action,
        code: ErrorCode.InvalidResponse,
        httpStatus: status,
        requestId,
        secrets,
        message: "the answer has no Result",
      });
    }
    return { result: envelope.Result, requestId: requestId ?? "", httpStatus: status };
  }

  /** Nothing to release: connections and the rate control belong to the process (connections.ts). */
  async close(): Promise<void> {}
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readLimited(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  limit: number,
  action: string,
  status: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new VolcengineError({
        kind: "response",
        action,
        code: ErrorCode.ResponseTooLarge,
        httpStatus: status,
        message: `the answer exceeds ${limit} bytes`,
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const TRANSPORT_DESCRIPTIONS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused: nothing listens at the endpoint",
  ENOTFOUND: "the endpoint's host name does not resolve",
  EAI_AGAIN: "the endpoint's host name could not be resolved (DNS)",
  UND_ERR_CONNECT_TIMEOUT: "connecting to the endpoint timed out",
  UND_ERR_HEADERS_TIMEOUT: "the endpoint did not answer in time",
  UND_ERR_BODY_TIMEOUT: "the endpoint stopped sending its answer",
  UND_ERR_SOCKET: "the connection was closed before the answer was complete",
  ECONNRESET: "the connection was reset",
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: "the answer was cut short",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the endpoint's certificate is self-signed and not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the endpoint's certificate chain ends in a CA that is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the endpoint's certificate is not signed by a trusted CA",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the endpoint's certificate is not signed by a trusted CA",
  CERT_HAS_EXPIRED: "the endpoint's certificate has expired",
  CERT_NOT_YET_VALID: "the endpoint's certificate is not valid yet (check this machine's clock)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the endpoint's certificate is for another host name",
};

const TLS_HINT =
  `nothing was sent. If the endpoint is a proxy or an emulator with its own CA, set ${settingNames("caFile")} to ` +
  `that CA's PEM file; otherwise check ${settingNames("smsEndpoint")}`;

function transportError(action: string, error: unknown, secrets: readonly (string | undefined)[]): VolcengineError {
  const code = transportCode(error);
  return new VolcengineError({
    kind: "transport",
    action,
    code,
    secrets,
    message: TRANSPORT_DESCRIPTIONS[code] ?? (error instanceof Error ? error.message : String(error)),
    hint: TLS_CODES.has(code)
      ? TLS_HINT
      : `check the network path to the endpoint (${settingNames("smsEndpoint")}, proxies, firewall) and run again`,
    cause: error,
  });
}

interface Caused {
  code?: unknown;
  cause?: Caused;
}

/** undici wraps network errors; the stable code is on the error or on its cause. */
function transportCode(error: unknown): string {
  for (let current = error as Caused | undefined, depth = 0; current && depth < 4; current = current.cause, depth++) {
    if (typeof current.code === "string" && current.code !== ErrorCode.UndiciError) return current.code;
  }
  return error instanceof undiciErrors.UndiciError ? ErrorCode.UndiciError : ErrorCode.NetworkError;
}
