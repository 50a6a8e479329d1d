/**
 * What the real `pulumi` CLI prints for a command, rendered from the engine stand-in's result: the step lines, the
 * Diagnostics (a provider's lines under the stack, as the CLI attributes them; check failures and errors under their
 * resource), the stack's Outputs and the Resources summary. Only the command's last phase is shown (`Updating`, not
 * the preview `pulumi up` runs first) and no progress or timing, so the offline session shows what the CLI shows
 * for each step, and nothing it does not (test/cli compares the two).
 */
import type { RunResult, Step } from "./engine-stand-in";

export type Command = "preview" | "up" | "refresh" | "destroy";
export type OutputValues = Record<string, { known: boolean; value: unknown }>;

export interface ViewOptions {
  command: Command;
  project: string;
  stack: string;
  /** Whether the stack resource exists before the command (false before the first `up`). */
  stackExists: boolean;
  /** What the provider printed during the command. */
  providerLines: readonly string[];
  /** The stack outputs as the program declared them in this run, and as they stood before it. */
  outputs?: OutputValues;
  previousOutputs?: OutputValues;
}

const STACK_TYPE = "pulumi:pulumi:Stack";

const HEADINGS: Record<Command, string> = {
  preview: "Previewing update",
  up: "Updating",
  refresh: "Refreshing",
  destroy: "Destroying",
};

/** The words a step line ends with, per command and step. */
const VERBS: Record<Command, Partial<Record<Step["op"], string>>> = {
  preview: { create: "create", replace: "replace", update: "update", delete: "delete" },
  up: { create: "created", replace: "replaced", update: "updated", delete: "deleted" },
  refresh: { refresh: "refreshing" },
  destroy: { delete: "deleted" },
};

const SYMBOLS: Partial<Record<Step["op"], string>> = {
  create: " + ",
  replace: " +-",
  update: " ~ ",
  delete: " - ",
  refresh: " ~ ",
};

export function renderCommand(result: RunResult, options: ViewOptions): string[] {
  const { command, stack, project } = options;
  const stackName = `${project}-${stack}`;
  const lines = [`${HEADINGS[command]} (${stack}):`];
  const stackCreated = !options.stackExists && command !== "refresh" && command !== "destroy";
  if (stackCreated) lines.push(` +  ${STACK_TYPE} ${stackName} ${command === "preview" ? "create" : "created"}`);
  for (const step of result.steps) {
    const verb = VERBS[command][step.op];
    if (verb === undefined) continue;
    const diff = step.replaces?.length ? ` [diff: ~${step.replaces.join(",~")}]` : "";
    lines.push(`${SYMBOLS[step.op]} ${step.type} ${step.name} ${verb}${diff}`);
  }
  const failed = failedResources(result);
  for (const name of failed) lines.push(`    ${typeOf(result, name)} ${name}  ${errorCount(result, name)}`);
  if (command === "destroy" && options.stackExists) lines.push(` -  ${STACK_TYPE} ${stackName} deleted`);
  lines.push(...diagnostics(result, options, stackName));
  lines.push(...outputLines(options));
  lines.push("Resources:", ...summary(result, options, failed.length));
  return lines;
}

function failedResources(result: RunResult): string[] {
  const names = [...result.failures.map((failure) => failure.name), ...result.errors.map((error) => error.name)];
  return [...new Set(names)];
}

function typeOf(result: RunResult, name: string): string {
  return (
    result.failures.find((failure) => failure.name === name)?.type ??
    result.errors.find((error) => error.name === name)?.type ??
    ""
  );
}

function errorCount(result: RunResult, name: string): string {
  const count =
    result.failures.filter((failure) => failure.name === name).length +
    result.errors.filter((error) => error.name === name).length;
  return `${count} error${count === 1 ? "" : "s"}`;
}

function diagnostics(result: RunResult, options: ViewOptions, stackName: string): string[] {
  const lines: string[] = [];
  for (const name of failedResources(result)) {
    const type = typeOf(result, name);
    lines.push(`  ${type} (${name}):`);
    for (const failure of result.failures.filter((f) => f.name === name)) {
      lines.push(`    error: ${type} resource '${name}' has a problem: ${failure.reason}`);
    }
    for (const error of result.errors.filter((e) => e.name === name)) lines.push(`    error: ${error.message}`);
  }
  if (options.providerLines.length > 0) {
    lines.push(`  ${STACK_TYPE} (${stackName}):`, ...options.providerLines.map((line) => `    ${line}`));
  }
  return lines.length > 0 ? ["Diagnostics:", ...lines] : [];
}

/**
 * A preview shows the outputs that will change (all of them, not known yet, on a first `up`); `up` shows every
 * output, marking the changed ones; refresh shows them as stored, since it does not run the program.
 */
function outputLines(options: ViewOptions): string[] {
  const current = options.command === "refresh" ? options.previousOutputs : options.outputs;
  if (current === undefined || options.command === "destroy") return [];
  const keys = Object.keys(current).sort();
  const width = Math.max(...keys.map((key) => key.length));
  const lines: string[] = [];
  for (const key of keys) {
    const now = current[key];
    const before = options.previousOutputs?.[key];
    if (now === undefined) continue;
    const changed = before !== undefined && options.command !== "refresh" && now.known && !sameValue(before, now);
    if (options.command === "preview" && before !== undefined && !changed) continue;
    const label = `${changed ? "  ~ " : "    "}${key.padEnd(width)}`;
    lines.push(changed ? `${label}: ${shown(before)} => ${shown(now)}` : `${label}: ${shown(now)}`);
  }
  return lines.length > 0 ? ["Outputs:", ...lines] : [];
}

function sameValue(a: { known: boolean; value: unknown }, b: { known: boolean; value: unknown }): boolean {
  return a.known === b.known && JSON.stringify(a.value) === JSON.stringify(b.value);
}

function shown(output: { known: boolean; value: unknown }): string {
  return output.known ? JSON.stringify(output.value) : "[unknown]";
}

function summary(result: RunResult, options: ViewOptions, errored: number): string[] {
  const count = (op: Step["op"]) => result.steps.filter((step) => step.op === op).length;
  const stackSame = options.stackExists && options.command !== "destroy" ? 1 : 0;
  const stackNew = options.stackExists ? 0 : 1;
  const future = options.command === "preview";
  const lines: string[] = [];
  const add = (n: number, text: string) => n > 0 && lines.push(`    ${text.replace("N", String(n))}`);
  if (options.command === "destroy") add(count("delete") + (options.stackExists ? 1 : 0), "- N deleted");
  else if (options.command === "refresh") add(count("refresh") + stackSame, "N unchanged");
  else {
    add(count("create") + stackNew, future ? "+ N to create" : "+ N created");
    add(count("update"), future ? "~ N to update" : "~ N updated");
    add(count("replace"), future ? "+-N to replace" : "+-N replaced");
    add(count("same") + stackSame, "N unchanged");
  }
  add(errored, "N errored");
  return lines;
}
