// One signed API request from arrival to answer, in the order the real service applies its
// checks: injected fault, body size, rate limit, route, signature, body, action.
import type { IncomingMessage, ServerResponse } from "node:http";
import { routeOf, routeSmsAction, runSmsAction, type SmsAction } from "./actions";
import { BusinessError, invalidParameter } from "./business-error";
import { errorEnvelope, newRequestId, type ResponseMetadata, SERVICE_NAME, successEnvelope } from "./envelope";
import type { FaultKind, FaultQueue, FaultSpec } from "./faults";
import { type GatewayError, type GatewayErrorCode, gatewayError } from "./gateway-errors";
import { jsonReply, type Reply, readBody, send, sendTruncated } from "./http-io";
import { parseJsonLosslessly, toPlainJson } from "./json";
import type { EmulatorStore } from "./store";
import type { TrafficControl } from "./traffic";
import { queryParameters } from "./validate/fields";
import { verifySignature } from "./verify-signature";

export interface RecordedRequest {
  /** The Action query parameter ("" when absent). */
  action: string;
  /** The status line the client received; 0 when it received none (reset, hang, not answered yet). */
  httpStatus: number;
  /** ResponseMetadata.Error.Code of the answer, when it was an error. */
  code?: string;
  requestId: string;
  /** When it arrived, by the real clock (Date.now()) whatever clock the reviews run on: to see how requests spread. */
  receivedAt: number;
  bodyBytes: number;
  /** The body as parsed JSON: numbers a JS number holds exactly are numbers, larger integers bigint. */
  body?: unknown;
  rawBody: Buffer;
  /** The injected fault that shaped this request, if any. */
  fault?: FaultKind;
}

export interface GatewayContext {
  store: EmulatorStore;
  faults: FaultQueue;
  traffic: TrafficControl;
  /** False for an action this account does not have: the gateway then answers InvalidActionOrVersion. */
  offers: (action: SmsAction) => boolean;
  requests: RecordedRequest[];
  /** The first is the one answers name when the request did not say. */
  regions: readonly [string, ...string[]];
  secretKeyFor: (accessKey: string) => string | undefined;
  requiredSignedHeaders: readonly string[];
  now: () => Date;
  maxBodyBytes: number;
  log: (line: string) => void;
  /** Resolves false when the emulator is closing and the request should be abandoned. */
  sleep: (ms: number) => Promise<boolean>;
}

interface RequestTarget {
  path: string;
  rawQuery: string;
  action: string;
  version: string;
}

const HTTP_ERROR_CODES: Readonly<Record<500 | 502 | 503 | 504, GatewayErrorCode>> = {
  500: "InternalError",
  502: "FailToConnect",
  503: "ServiceUnavailableTemp",
  504: "InternalServiceTimeout",
};

const NON_JSON_PAGE =
  "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n";

export async function handleApiRequest(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = parseTarget(req.url ?? "/");
  const record: RecordedRequest = {
    action: target.action,
    httpStatus: 0,
    requestId: newRequestId(ctx.now()),
    receivedAt: Date.now(),
    bodyBytes: 0,
    rawBody: Buffer.alloc(0),
  };
  ctx.requests.push(record);
  const admitted = ctx.traffic.admit(target.action);

  const fault = ctx.faults.take(target.action);
  if (fault) record.fault = fault.kind;
  if (fault?.kind === "reset-before-read") {
    req.socket.destroy();
    ctx.log(logLine(record));
    return;
  }

  const body = await readBody(req, ctx.maxBodyBytes);
  record.bodyBytes = body.bytes;
  record.rawBody = body.data;
  const parsedBody = parseBody(body.data);
  if (parsedBody.ok) record.body = toPlainJson(parsedBody.value);

  const metadata: ResponseMetadata = {
    RequestId: record.requestId,
    Action: target.action,
    Version: target.version,
    Service: SERVICE_NAME,
    Region: ctx.regions[0],
  };

  if (fault?.kind === "latency" && !(await ctx.sleep(fault.ms))) return;
  if (fault?.kind === "hang") {
    ctx.log(logLine(record));
    return;
  }

  const throttled = () => gatewayReply(metadata, gatewayError("FlowLimitExceeded"));
  const reply = body.tooLarge
    ? gatewayReply(
        metadata,
        gatewayError("RequestEntityTooLarge", `The request body is larger than ${ctx.maxBodyBytes} bytes.`),
      )
    : (injectedReply(fault, metadata) ??
      (admitted ? processRequest(ctx, req, target, body.data, parsedBody, metadata) : throttled()));

  if (fault?.kind === "reset-after-read") {
    req.socket.destroy();
  } else if (fault?.kind === "withhold-answer") {
    // The socket stays open until the client goes away or the emulator closes.
  } else {
    record.httpStatus = reply.status;
    record.code = reply.code;
    if (fault?.kind === "truncated") sendTruncated(res, reply);
    else send(res, reply);
  }
  ctx.log(logLine(record));
}

/** The answer for an unexpected exception inside the emulator. */
export function internalErrorReply(requestId: string, region: string): Reply {
  const metadata = { RequestId: requestId, Action: "", Version: "", Service: SERVICE_NAME, Region: region };
  return gatewayReply(metadata, gatewayError("InternalError"));
}

function processRequest(
  ctx: GatewayContext,
  req: IncomingMessage,
  target: RequestTarget,
  body: Buffer,
  parsedBody: ParsedBody,
  metadata: ResponseMetadata,
): Reply {
  const method = req.method ?? "";
  const action = target.path === "/" ? routeSmsAction(target.action, target.version, method) : undefined;
  if (action === undefined || !ctx.offers(action)) {
    const why = target.path !== "/" ? " (the path must be /)" : "";
    const operation = `${method} ${target.action || "<none>"} for version ${target.version || "<none>"}`;
    const message = `Could not find operation ${operation}${why}.`;
    return gatewayReply(metadata, gatewayError("InvalidActionOrVersion", message));
  }

  // The vendor's SDKs sign no body hash for a request without a body (their GETs); it is verified whenever sent.
  const required =
    body.length === 0 ? ctx.requiredSignedHeaders.filter((h) => h !== "x-content-sha256") : ctx.requiredSignedHeaders;
  const verdict = verifySignature(
    { method, path: target.path, rawQuery: target.rawQuery, headers: req.headers, body },
    {
      service: SERVICE_NAME,
      regions: ctx.regions,
      secretKeyFor: ctx.secretKeyFor,
      now: ctx.now(),
      requiredSignedHeaders: required,
    },
  );
  if (verdict.region !== undefined && ctx.regions.includes(verdict.region)) metadata.Region = verdict.region;
  if (!verdict.ok) return gatewayReply(metadata, gatewayError(verdict.code, verdict.message));

  try {
    const route = routeOf(action);
    // A GET without a body carries its parameters in the query, as the vendor's SDKs send lists.
    const fromQuery = method === "GET" && body.length === 0 && route.query !== undefined;
    if (!fromQuery && !parsedBody.ok) throw invalidParameter("the request body is not valid JSON");
    const params = fromQuery ? queryParameters(target.rawQuery, route.query ?? {}) : parsedBody.ok && parsedBody.value;
    const result = runSmsAction(action, params, ctx.store);
    if (route.creates !== undefined) ctx.traffic.countFiling();
    return jsonReply(200, successEnvelope(metadata, result));
  } catch (error) {
    if (error instanceof BusinessError) return businessReply(metadata, error);
    throw error;
  }
}

function injectedReply(fault: FaultSpec | undefined, metadata: ResponseMetadata): Reply | undefined {
  switch (fault?.kind) {
    case "throttle": {
      const headers =
        fault.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(fault.retryAfterSeconds) };
      return gatewayReply(metadata, gatewayError("FlowLimitExceeded"), headers);
    }
    case "http-error":
      return gatewayReply(metadata, gatewayError(HTTP_ERROR_CODES[fault.status]));
    case "business-error":
      return businessReply(metadata, new BusinessError(fault.code));
    case "non-json":
      return { status: 200, contentType: "text/html; charset=utf-8", body: NON_JSON_PAGE };
    default:
      return undefined;
  }
}

function gatewayReply(metadata: ResponseMetadata, error: GatewayError, headers?: Record<string, string>): Reply {
  return jsonReply(
    error.httpStatus,
    errorEnvelope(metadata, { code: error.code, message: error.message }),
    error.code,
    headers,
  );
}

function businessReply(metadata: ResponseMetadata, error: BusinessError): Reply {
  return jsonReply(
    200,
    errorEnvelope(metadata, { code: error.code, codeN: error.codeN, message: error.message }),
    error.code,
  );
}

type ParsedBody = { ok: true; value: unknown } | { ok: false };

function parseBody(data: Buffer): ParsedBody {
  try {
    return { ok: true, value: parseJsonLosslessly(data.toString("utf8")) };
  } catch {
    return { ok: false };
  }
}

function parseTarget(url: string): RequestTarget {
  const queryStart = url.indexOf("?");
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? "" : url.slice(queryStart + 1);
  const query = new URLSearchParams(rawQuery);
  return { path, rawQuery, action: query.get("Action") ?? "", version: query.get("Version") ?? "" };
}

// Never includes the body: it carries ID numbers, mobiles and images.
function logLine(record: RecordedRequest): string {
  const status = record.httpStatus === 0 ? "---" : String(record.httpStatus);
  const outcome = record.httpStatus === 0 ? "no-answer" : (record.code ?? "OK");
  const fault = record.fault ? ` fault=${record.fault}` : "";
  return `${record.action || "-"} ${status} ${outcome}${fault} ${record.bodyBytes}B ${record.requestId}`;
}
