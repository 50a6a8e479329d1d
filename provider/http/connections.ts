/**
 * What the calls of one provider process share per endpoint: its rate control and its connections. The provider
 * makes a client per call (settings are resolved when a method runs), so they live here, for the process.
 *
 * Reads go over kept-alive connections. Filings (ApplySignatureIdent) each get a connection of their own that is
 * closed after the answer: a kept-alive connection can be closed by the server (idle timeout, a load balancer, a
 * restart) just as the next request is written on it. The request then fails with ECONNRESET or "other side closed"
 * (UND_ERR_SOCKET) and nothing tells whether the server read it. undici re-sends only idempotent requests after
 * that, and so could the provider for a read; a filing would have to be reported "may have been filed". On a new
 * connection, a failure while connecting (refused, TLS) provably sent nothing, and is retried.
 */
import { createHash } from "node:crypto";
import { Agent } from "undici";
import { RateControl, type ThrottleNotice } from "./rate-control";

export interface ConnectionSettings {
  connectTimeoutMs: number;
  /** PEM certificates to trust instead of Node's bundled CAs. */
  ca?: string;
}

export interface SharedTransport {
  rateControl: RateControl;
  /** Kept-alive connections, for calls that are safe to repeat. */
  reads: Agent;
  /** A new connection per request, closed after the answer. */
  filings: Agent;
}

const rateControls = new Map<string, RateControl>();
const dispatchers = new Map<string, Pick<SharedTransport, "reads" | "filings">>();

export function sharedTransport(
  endpoint: URL,
  settings: ConnectionSettings,
  report?: (notice: ThrottleNotice) => void,
): SharedTransport {
  const origin = endpoint.origin;
  let rateControl = rateControls.get(origin);
  if (!rateControl) {
    rateControl = new RateControl({ host: endpoint.host });
    rateControls.set(origin, rateControl);
  }
  rateControl.report = report;
  const ca = settings.ca === undefined ? "" : createHash("sha256").update(settings.ca).digest("hex");
  const key = `${origin} ${settings.connectTimeoutMs} ${ca}`;
  let pair = dispatchers.get(key);
  if (!pair) {
    const connect = { timeout: settings.connectTimeoutMs, ...(settings.ca === undefined ? {} : { ca: settings.ca }) };
    // pipelining 0: undici closes the connection after each answer instead of keeping it for the next request.
    pair = { reads: new Agent({ connect }), filings: new Agent({ connect, pipelining: 0 }) };
    dispatchers.set(key, pair);
  }
  return { rateControl, ...pair };
}
