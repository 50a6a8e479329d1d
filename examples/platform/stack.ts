/**
 * One company's stack through Pulumi's Automation API, in a work folder all stacks share: project/ (the Pulumi project
 * and each stack's config), state/ (the local file backend, unless PULUMI_BACKEND_URL names another) and logs/ (each
 * stack's last `pulumi up` output).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";
import type { Company } from "./companies";
import { type CompanyOutputs, companyProgram, PERSONAL } from "./program";

export const PROJECT = "volcengine-sms-platform";
/** For trying the example only: set PULUMI_CONFIG_PASSPHRASE for real data, and keep it. */
const EXAMPLE_PASSPHRASE = "volcengine-sms-platform-example";

export interface WorkFolder {
  projectDir: string;
  logDir: string;
  envVars: Record<string, string>;
  pulumi: PulumiCommand;
}

export async function prepareWorkFolder(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<WorkFolder> {
  const [projectDir, stateDir, logDir] = ["project", "state", "logs"].map((name) => path.join(dir, name)) as [
    string,
    string,
    string,
  ];
  for (const folder of [projectDir, stateDir, logDir]) fs.mkdirSync(folder, { recursive: true });
  // Written once, before any workspace: a workspace given project settings rewrites Pulumi.yaml, and two stacks
  // starting together would then read it half-written.
  const settings = path.join(projectDir, "Pulumi.yaml");
  if (!fs.existsSync(settings)) fs.writeFileSync(settings, `name: ${PROJECT}\nruntime: nodejs\n`);
  linkNodeModules(projectDir);
  const envVars: Record<string, string> = { PULUMI_BACKEND_URL: env.PULUMI_BACKEND_URL ?? `file://${stateDir}` };
  if (env.PULUMI_CONFIG_PASSPHRASE === undefined && env.PULUMI_CONFIG_PASSPHRASE_FILE === undefined) {
    envVars.PULUMI_CONFIG_PASSPHRASE = EXAMPLE_PASSPHRASE;
  }
  // The CLI on PATH, asked for its version once rather than by every workspace.
  return { projectDir, logDir, envVars, pulumi: await PulumiCommand.get() };
}

/**
 * The engine starts the dynamic-provider host in the project folder, and the host loads @pulumi/pulumi and
 * pulumi-volcengine-sms from node_modules there: a work folder outside this package's project gets a link to ours.
 */
function linkNodeModules(projectDir: string): void {
  try {
    for (const name of ["@pulumi/pulumi", "pulumi-volcengine-sms/runtime"])
      require.resolve(name, { paths: [projectDir] });
    return;
  } catch {
    const ours = path.resolve(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "..", "..");
    fs.symlinkSync(ours, path.join(projectDir, "node_modules"), "dir");
  }
}

/** A stack name from the credit code: unique per company, and stable across renames. */
export function stackName(company: Company): string {
  return company.creditCode.toLowerCase();
}

/**
 * Creates or selects the company's stack and runs `up` with a refresh
 * first, so that the outputs say where each review stands now and the program files what an approval made possible.
 */
export async function upCompany(company: Company, work: WorkFolder): Promise<CompanyOutputs> {
  const name = stackName(company);
  const stack = await LocalWorkspace.createOrSelectStack(
    { projectName: PROJECT, stackName: name, program: companyProgram(company) },
    { workDir: work.projectDir, envVars: work.envVars, pulumiCommand: work.pulumi },
  );
  const log = fs.createWriteStream(path.join(work.logDir, `${name}.log`));
  try {
    const result = await stack.up({ refresh: true, color: "never", onOutput: (text) => log.write(text) });
    return Object.fromEntries(
      Object.entries(result.outputs).map(([key, output]) => [key, output.value]),
    ) as CompanyOutputs;
  } finally {
    log.end();
  }
}

/**
 * The line of a failure to show: the first line the CLI calls an error (the Automation API's message starts with the
 * command line), with the company's personal values masked in case one is quoted.
 */
export function failureLine(error: unknown, company: Company): string {
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((line) => line.trim());
  const errors = lines.filter((text) => text.startsWith("error: ")).map((text) => text.slice("error: ".length));
  // The stack's own `update failed` comes before the resource's error that says why.
  const line =
    errors.find((text) => !/^(update|preview|refresh) failed$/.test(text)) ??
    errors[0] ??
    lines.find((text) => text !== "" && !/^(code: |Command failed)/.test(text)) ??
    "unknown error";
  return PERSONAL.reduce((text, key) => text.split(company[key]).join("***"), line);
}
