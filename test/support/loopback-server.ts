/** A loopback server standing in for the SMS API where the emulator cannot answer badly enough. */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { APPLY_SIGNATURE_IDENT } from "../../provider/api/qualification/apply-signature-ident";
import { SMS_SERVICE } from "../../provider/api/sms";

export interface LoopbackServer {
  url: URL;
  hits: () => number;
  close: () => Promise<void>;
}

/** A loopback server that answers every request with what the test says. */
export async function serve(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<LoopbackServer> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    req.on("end", () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    hits: () => hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The vendor's envelope around `result` (JSON text), as ApplySignatureIdent answers with RequestId REQ-1. */
export function envelope(result: string): string {
  const { action, version } = APPLY_SIGNATURE_IDENT;
  const metadata = { RequestId: "REQ-1", Action: action, Version: version, Service: SMS_SERVICE, Region: "cn-north-1" };
  return `{"ResponseMetadata":${JSON.stringify(metadata)},"Result":${result}}`;
}
