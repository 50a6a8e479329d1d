/** What a command of `pulumi-volcengine-sms` is: its options, its help, and what it does with their values. */
import type { ParseArgsConfig } from "node:util";

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  /** One line for the list of commands. */
  summary: string;
  usage: string;
  /** Besides the options every command takes: --json, --stack, --help. */
  options: NonNullable<ParseArgsConfig["options"]>;
  /** The exit code: 0 done, 1 failed (the error is printed). A UsageError exits 2 with the usage. */
  run(values: OptionValues): Promise<number>;
}

export const COMMON_OPTIONS = {
  json: { type: "boolean" },
  stack: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

/** The option lines every usage ends with. */
export const COMMON_USAGE = `  --json           one JSON array, for scripts
  --stack STACK    read credentials from this stack's config instead of the current stack's

Credentials and endpoint: the stack config (volcengine:accessKey, volcengine:secretKey, volcengine:smsEndpoint, ...)
of the Pulumi project in this folder, read with \`pulumi config\`, then the environment (VOLCENGINE_ACCESS_KEY, ...).
`;
