// Small HTTP helpers shared by the API and admin handlers.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface ReceivedBody {
  data: Buffer;
  /** Bytes received, including any discarded because the body was too large. */
  bytes: number;
  tooLarge: boolean;
}

/**
 * Reads the whole body. Past maxBytes the rest is read and discarded rather than the socket
 * cut, so the client still gets to read the 413 answer instead of a broken pipe.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<ReceivedBody> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes <= maxBytes) chunks.push(chunk);
  }
  const tooLarge = bytes > maxBytes;
  return { data: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks, bytes), bytes, tooLarge };
}

export interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
  /** ResponseMetadata.Error.Code, when the reply is an error. */
  code?: string;
}

export function jsonReply(status: number, body: string, code?: string, headers?: Record<string, string>): Reply {
  return { status, contentType: "application/json; charset=utf-8", body, code, headers };
}

export function send(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, "utf8");
  res.writeHead(reply.status, {
    ...reply.headers,
    "Content-Type": reply.contentType,
    "Content-Length": String(body.length),
  });
  res.end(body);
}

/** Announces the full Content-Length, sends only the first half, then closes the connection. */
export function sendTruncated(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, "utf8");
  res.writeHead(reply.status, {
    ...reply.headers,
    "Content-Type": reply.contentType,
    "Content-Length": String(body.length),
  });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.end());
}

/** Delays that the emulator can cut short when it closes, so no timer outlives it. */
export class CancellableDelays {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: (completed: boolean) => void }>();

  /** Resolves true after ms, or false as soon as cancelAll() is called. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve(true);
        }, ms),
        resolve,
      };
      this.pending.add(entry);
    });
  }

  cancelAll(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve(false);
    }
    this.pending.clear();
  }
}
