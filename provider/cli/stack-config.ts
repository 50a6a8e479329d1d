/**
 * The settings the command line uses, resolved as the provider resolves them: the current Pulumi stack's config (when
 * run in a Pulumi project with the CLI on PATH), then the environment.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readStackConfig, type StackSettings } from "../settings/table";

/** A mistake in the command line: exit 2 with the usage. */
export class UsageError extends Error {}

/** The stack config Pulumi would hand the provider, or none when this is no Pulumi project or no stack is selected. */
export function stackSettingsOf(stack: string | undefined): { settings: StackSettings; source: string } {
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
