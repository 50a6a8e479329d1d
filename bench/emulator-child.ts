/**
 * The emulator in a process of its own, so the server's work (reading the body, verifying the signature, parsing
 * the JSON) runs beside the client as a remote API's would, not on the client's event loop. Prints one JSON line
 * with its endpoint and credentials, then serves until it is killed. It forgets the requests it recorded every
 * half second, or a long run of 4 MB bodies would pile up in its memory.
 */
import * as path from "node:path";

type EmulatorModule = typeof import("../emulator");
// The compiled emulator: this child needs no TypeScript beyond this file.
const { startEmulator } = require(path.join(__dirname, "..", "dist", "emulator", "index.js")) as EmulatorModule;

async function main(): Promise<void> {
  const emulator = await startEmulator({ approvalDelayMs: null });
  setInterval(() => emulator.requests.splice(0), 500);
  process.stdout.write(
    `${JSON.stringify({
      endpoint: emulator.endpoint,
      accessKey: emulator.accessKey,
      secretKey: emulator.secretKey,
      region: emulator.region,
    })}\n`,
  );
  process.once("SIGTERM", () => void emulator.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
