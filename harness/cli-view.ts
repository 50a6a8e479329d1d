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
  if (stackCreated) {
    // The CLI counts the provider's lines on the stack's row once the stack is created.
    const count = options.providerLines.length;
    const messages = command === "up" && count > 0 ? ` ${count} message${count === 1 ? "" : "s"}` : "";
    lines.push(` +  ${STACK_TYPE} ${stackName} ${command === "preview" ? "create" : "created"}${messages}`);
  }
  for (const step of result.steps) {
    const verb = VERBS[command][step.op];
    if (verb === undefined) continue;
    const diff = step.replaces?.length ? ` [diff: ~${step.replaces.join(",~")}]` : "";
    lines.push(`${SYMBOLS[step.op]} ${step.type} ${step.name} ${verb}${diff}`);
    if (step.differs) lines.push(` ~  ${step.type} ${step.name} updated`);
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
 * output, marking the changed ones.
 */
function outputLines(options: ViewOptions): string[] {
  // A refresh shows the stored outputs only at times (not when a resource's read said something): none is shown.
  if (options.command === "refresh" || options.command === "destroy") return [];
  const current = options.outputs;
  if (current === undefined) return [];
  // The CLI leaves out an output that is an empty object.
  const keys = Object.keys(current)
    .filter((key) => !isEmptyObject(current[key]?.value))
    .sort();
  const width = Math.max(...keys.map((key) => key.length));
  const lines: string[] = [];
  for (const key of keys) {
    const now = current[key];
    const before = options.previousOutputs?.[key];
    if (now === undefined) continue;
    const changed = before !== undefined && now.known && !sameValue(before, now);
    if (options.command === "preview" && before !== undefined && !changed) continue;
    const label = `${changed ? "  ~ " : "    "}${key.padEnd(width)}`;
    if (changed && isObject(before?.value) && isObject(now.value)) {
      lines.push(`${label}: {`, ...objectChangeLines(before.value, now.value), "    }");
    } else if (!changed && now.known && isObject(now.value)) {
      lines.push(`${label}: {`, ...objectLines(now.value), "    }");
    } else {
      lines.push(changed ? `${label}: ${shown(before)} => ${shown(now)}` : `${label}: ${shown(now)}`);
    }
  }
  return lines.length > 0 ? ["Outputs:", ...lines] : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEmptyObject(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === 0;
}

/**
 * The CLI (Go) pads a map's keys with `%-*s` to the longest key's length in bytes, and `%-*s` counts characters:
 * a key of four Chinese characters (12 bytes) gets 8 spaces.
 */
function keyColumns(keys: string[]): (key: string) => string {
  const width = Math.max(...keys.map((key) => Buffer.byteLength(key)));
  return (key) => key + " ".repeat(Math.max(0, width - [...key].length));
}

function objectChangeLines(before: Record<string, unknown>, now: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  const column = keyColumns(keys);
  return keys.flatMap((key) => {
    if (!(key in before)) return [`      + ${column(key)}: ${JSON.stringify(now[key])}`];
    if (!(key in now)) return [`      - ${column(key)}: ${JSON.stringify(before[key])}`];
    const [was, is] = [JSON.stringify(before[key]), JSON.stringify(now[key])];
    return was === is ? [`        ${column(key)}: ${is}`] : [`      ~ ${column(key)}: ${was} => ${is}`];
  });
}

function objectLines(value: Record<string, unknown>): string[] {
  const keys = Object.keys(value).sort();
  const column = keyColumns(keys);
  return keys.map((key) => `        ${column(key)}: ${JSON.stringify(value[key])}`);
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
  else if (options.command === "refresh") {
    const differing = result.steps.filter((step) => step.differs).length;
    add(differing, "~ N updated");
    add(count("refresh") - differing + stackSame, "N unchanged");
  } else {
    add(count("create") + stackNew, future ? "+ N to create" : "+ N created");
    add(count("update"), future ? "~ N to update" : "~ N updated");
    add(count("replace"), future ? "+-N to replace" : "+-N replaced");
    const kinds = [count("create") + stackNew, count("update"), count("replace")].filter((n) => n > 0);
    const changes = kinds.reduce((sum, n) => sum + n, 0);
    const same = count("same") + stackSame;
    // With more than one kind of change the CLI adds them up on the unchanged line.
    if (kinds.length > 1 && same > 0) lines.push(`    ${changes} changes. ${same} unchanged`);
    else add(same, "N unchanged");
  }
  add(errored, "N errored");
  return lines;
}
