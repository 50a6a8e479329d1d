// Turns the command line of pulumi-volcengine-sms-emulator into EmulatorOptions.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_APPROVAL_DELAY_MS, type EmulatorOptions } from "./start-emulator";

export const DEFAULT_CLI_PORT = 8787;

export const USAGE = `Usage: pulumi-volcengine-sms-emulator [options]

A local emulator of Volcengine's SMS qualification API (ApplySignatureIdent,
GetSignatureIdentList, UpdateSignatureIdent, BatchBindSignatureIdent, and
GetSignatureIdentificationList of Version 2026-01-01).

Options:
  --port <n>              port to listen on (default ${DEFAULT_CLI_PORT}; 0 = any free port)
  --host <address>        address to listen on (default 127.0.0.1, loopback only)
  --data <file>           keep state in this JSON file across restarts (default: in memory)
  --approval-delay <ms>   new qualifications are approved after this many ms
                          (default ${DEFAULT_APPROVAL_DELAY_MS}); "manual" = only via the admin endpoint
  --region <name>         the region to accept in signatures (default: cn-north-1 and cn-beijing)
  --access-key <ak>       access key to accept (with --secret-key; default: a fixed emulator key)
  --secret-key <sk>       secret key to accept
  --without-identification-list
                          answer GetSignatureIdentificationList (2026-01-01) with
                          InvalidActionOrVersion, as for an account without it
  --rate-limit <n>        refuse with FlowLimitExceeded (429) any request beyond n
                          in a one-second window (refused requests count too)
  --https <ca-file>       serve https with a certificate made at start, and write
                          the certificate to trust (volcengine:smsCaFile) to ca-file
  -h, --help              show this help

Admin endpoints (unsigned):
  POST   /__emulator/approve?id=N      POST /__emulator/reject?id=N  '{"opinion":"..."}'
  POST   /__emulator/status?id=N  '{"status":"closed"}' (or a number, e.g. 9; optional "opinion")
  GET    /__emulator/qualifications    GET  /__emulator/faults
  POST   /__emulator/faults  '{"kind":"throttle","times":2}'
  DELETE /__emulator/faults
  GET    /__emulator/settings
  POST   /__emulator/settings  '{"offerIdentificationList":false,"rateLimitPerSecond":5}'
  GET    /__emulator/counters          DELETE /__emulator/counters
`;

export class CliUsageError extends Error {}

export type CliCommand =
  | { kind: "help" }
  /** `caFile`: where to write the certificate a client must trust, with --https. */
  | { kind: "run"; options: Omit<EmulatorOptions, "log">; caFile?: string };

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        "approval-delay": { type: "string" },
        region: { type: "string" },
        "access-key": { type: "string" },
        "secret-key": { type: "string" },
        "without-identification-list": { type: "boolean" },
        "rate-limit": { type: "string" },
        https: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: "help" };

  const options: Omit<EmulatorOptions, "log"> = {
    port: values.port === undefined ? DEFAULT_CLI_PORT : integerArg("--port", values.port, 65535),
    host: values.host ?? "127.0.0.1",
  };
  if (values.data !== undefined) options.dataFile = resolve(values.data);
  const delay = values["approval-delay"];
  if (delay !== undefined)
    options.approvalDelayMs =
      delay === "manual" ? null : integerArg("--approval-delay", delay, Number.MAX_SAFE_INTEGER);
  if (values.region !== undefined) options.regions = [values.region];
  const accessKey = values["access-key"];
  const secretKey = values["secret-key"];
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    throw new CliUsageError("--access-key and --secret-key go together");
  }
  if (accessKey !== undefined && secretKey !== undefined) options.credentials = [{ accessKey, secretKey }];
  if (values["without-identification-list"]) options.offerIdentificationList = false;
  const rateLimit = values["rate-limit"];
  if (rateLimit !== undefined) {
    options.rateLimitPerSecond = integerArg("--rate-limit", rateLimit, Number.MAX_SAFE_INTEGER, 1);
  }
  if (values.https !== undefined) options.https = true;
  const caFile = values.https === undefined ? undefined : resolve(values.https);
  return { kind: "run", options, caFile };
}

function integerArg(name: string, value: string, max: number, min = 0): number {
  if (!/^\d+$/.test(value) || Number(value) > max || Number(value) < min) {
    throw new CliUsageError(`${name} must be an integer between ${min} and ${max}`);
  }
  return Number(value);
}
