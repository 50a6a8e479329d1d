#!/usr/bin/env node
// pulumi-volcengine-sms-emulator: runs the emulator in the foreground and tells the user what to
// export so the provider talks to it.

import { writeFileSync } from "node:fs";
import { CliUsageError, parseCliArgs, USAGE } from "./cli-args";
import { DEFAULT_APPROVAL_DELAY_MS, type RunningEmulator, startEmulator } from "./start-emulator";

async function main(argv: readonly string[]): Promise<void> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === "help") {
    process.stdout.write(USAGE);
    return;
  }

  const options = command.options;
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      ...options,
      log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "EADDRINUSE" ? ` (port ${options.port} is taken; --port 0 picks a free one)` : "";
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
    process.exitCode = 1;
    return;
  }
  // The certificate is made at start: the provider trusts it through this file (volcengine:smsCaFile).
  if (command.caFile && emulator.certificate) writeFileSync(command.caFile, emulator.certificate);

  const approval =
    options.approvalDelayMs === null
      ? "only when approved via POST /__emulator/approve?id=N"
      : `automatically after ${options.approvalDelayMs ?? DEFAULT_APPROVAL_DELAY_MS} ms`;
  const identificationList = options.offerIdentificationList === false ? "answers InvalidActionOrVersion" : "offered";
  process.stdout.write(
    `${[
      `Volcengine SMS emulator listening on ${emulator.endpoint}`,
      `  access key: ${emulator.accessKey}`,
      `  secret key: ${emulator.secretKey}`,
      `  region:     ${emulator.region}`,
      `  state:      ${options.dataFile ?? "in memory"}`,
      `  review:     qualifications are approved ${approval}`,
      `  2026 list:  GetSignatureIdentificationList ${identificationList}`,
      `  rate limit: ${options.rateLimitPerSecond ? `${options.rateLimitPerSecond} requests per second` : "none"}`,
      "",
      "Paste into your shell:",
      `export VOLCENGINE_SMS_ENDPOINT=${shellQuote(emulator.endpoint)}`,
      `export VOLCENGINE_ACCESS_KEY=${shellQuote(emulator.accessKey)}`,
      `export VOLCENGINE_SECRET_KEY=${shellQuote(emulator.secretKey)}`,
      `export VOLCENGINE_REGION=${shellQuote(emulator.region)}`,
      ...(command.caFile ? [`export VOLCENGINE_SMS_CA_FILE=${shellQuote(command.caFile)}`] : []),
      "",
    ].join("\n")}\n`,
  );

  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`${signal} received, stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
