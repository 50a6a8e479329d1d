#!/usr/bin/env node
/**
 * `pulumi-volcengine-sms qualifications`: the account's qualifications with their review state, to find the id to
 * adopt or what to clean up in the console. Credentials and endpoint are resolved as the provider resolves them:
 * the current Pulumi stack's config (when run in a Pulumi project with the CLI on PATH), then the environment.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { SMS_SERVICE } from "../api/sms";
import { readStackConfig, resolveSettings, type StackSettings } from "../config";
import { VolcengineError } from "../errors";
import { SignedJsonClient } from "../http/client";
import { redact } from "../redact";
import { listQualifications, type ReviewedQualification } from "../review/lookup";
import { AUDIT_STATUS, type KnownReviewStatus } from "../review/status";

export const USAGE = `Usage: pulumi-volcengine-sms qualifications [--name NAME] [--status STATUS] [--json]
                                                      [--stack STACK]

Lists the Volcengine account's SMS signature qualifications (短信签名资质): id, name, review status, the
reviewer's reason and when it was reviewed.

  --name NAME      only those named exactly NAME (materialName)
  --status STATUS  only those in one state: ${Object.values(AUDIT_STATUS).join(", ")}
  --json           one JSON array, for scripts
  --stack STACK    read credentials from this stack's config instead of the current stack's

Credentials and endpoint: the stack config (volcengine:accessKey, volcengine:secretKey, volcengine:smsEndpoint, ...)
of the Pulumi project in this folder, read with \`pulumi config\`, then the environment (VOLCENGINE_ACCESS_KEY, ...).
`;

class UsageError extends Error {}

interface Command {
  name?: string;
  status?: KnownReviewStatus;
  json: boolean;
  stack?: string;
}

export function parseCommand(argv: readonly string[]): Command | "help" {
  const { values, positionals } = parsedArguments(argv);
  if (values.help) return "help";
  if (positionals[0] !== "qualifications" || positionals.length > 1) {
    throw new UsageError(positionals.length === 0 ? "name a command" : `unknown command ${positionals.join(" ")}`);
  }
  const statuses: readonly string[] = Object.values(AUDIT_STATUS);
  if (values.status !== undefined && !statuses.includes(values.status)) {
    throw new UsageError(`--status must be one of ${statuses.join(", ")}`);
  }
  return {
    name: values.name,
    status: values.status as KnownReviewStatus | undefined,
    json: values.json ?? false,
    stack: values.stack,
  };
}

function parsedArguments(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        name: { type: "string" },
        status: { type: "string" },
        json: { type: "boolean" },
        stack: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The stack config Pulumi would hand the provider, or none when this is no Pulumi project or no stack is selected. */
function stackSettingsOf(stack: string | undefined): { settings: StackSettings; source: string } {
  if (!hasPulumiProject(process.cwd())) return { settings: {}, source: "the environment" };
  try {
    const args = ["config", "--json", "--show-secrets", ...(stack ? ["--stack", stack] : [])];
    const text = execFileSync("pulumi", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const config = JSON.parse(text) as Record<string, { value?: unknown }>;
    const get = (key: string) => {
      const value = config[key]?.value;
      return typeof value === "string" ? value : undefined;
    };
    return { settings: readStackConfig({ get }), source: "the stack config, then the environment" };
  } catch (error) {
    if (stack) throw new UsageError(`could not read the config of stack ${stack} with pulumi: ${firstLine(error)}`);
    return { settings: {}, source: "the environment (no stack config could be read)" };
  }
}

function hasPulumiProject(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, "Pulumi.yaml")) || fs.existsSync(path.join(current, "Pulumi.yml"))) {
      return true;
    }
    if (path.dirname(current) === current) return false;
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr;
  return String(stderr || (error as Error).message).split("\n")[0] ?? "";
}

export function formatTable(items: readonly ReviewedQualification[]): string {
  const header = ["ID", "NAME", "STATUS", "REVIEWED AT", "REASON"];
  const rows = [
    header,
    ...items.map((q) => [q.id, q.materialName ?? "", q.reviewStatus, q.reviewedAt || "-", q.reviewOpinion || "-"]),
  ];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ""))));
  const last = header.length - 1;
  const line = (row: string[]) => row.map((cell, column) => (column === last ? cell : pad(cell, widths[column] ?? 0)));
  return rows.map((row) => line(row).join("  ")).join("\n");
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Chinese characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

async function main(argv: readonly string[]): Promise<number> {
  let command: Command | "help";
  try {
    command = parseCommand(argv);
    if (command === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    const { settings, source } = stackSettingsOf(command.stack);
    const action = "GetSignatureIdentificationList";
    const client = new SignedJsonClient({ ...resolveSettings(action, settings), service: SMS_SERVICE });
    try {
      const notice = (message: string) => process.stderr.write(`${redact(message)}\n`);
      const filter = { materialName: command.name, status: command.status };
      const { items, conclusive } = await listQualifications(client, filter, notice);
      const text = command.json ? JSON.stringify(items, null, 2) : formatTable(items);
      // Line by line: redaction shows a line break inside a value as an escape, and the listing has many lines.
      process.stdout.write(
        `${text
          .split("\n")
          .map((line) => redact(line))
          .join("\n")}\n`,
      );
      if (!command.json) {
        const scope = conclusive ? "" : " (approved ones only: this account lists no others)";
        process.stderr.write(`${items.length} qualification(s)${scope}; credentials from ${source}\n`);
      }
      return 0;
    } finally {
      await client.close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const message = error instanceof VolcengineError ? error.message : redact(String(error));
    process.stderr.write(`error: ${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
