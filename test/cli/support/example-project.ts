import type { RunningEmulator } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import { EXAMPLE_PROJECT, exampleStackConfig } from "../../support/example-stack";
import { PulumiProject } from "./pulumi-cli";
import { printTranscriptOnFailure } from "./transcript";

/** What the example's stack keeps as secrets: `pulumi config set --secret …`. */
export const EXAMPLE_SECRET_CONFIG = [
  ...["operatorIdNumber", "operatorMobile", "responsibleIdNumber", "responsibleMobile"].map(
    (name) => `${EXAMPLE_PROJECT}:${name}`,
  ),
  "volcengine:secretKey",
];

/**
 * The repository's example project under the real CLI, its stack `dev` configured for an emulator of its own; both
 * live for the enclosing describe, whose tests share the stack and run in order. A failed test prints the transcript.
 */
export function useExampleProject(name: string): { emulator: RunningEmulator; project: PulumiProject } {
  const stack = {} as { emulator: RunningEmulator; project: PulumiProject };
  printTranscriptOnFailure(() => stack.project);
  before(async () => {
    stack.emulator = await startEmulator({ approvalDelayMs: null });
    stack.project = PulumiProject.create(name);
    await stack.project.initStack(exampleStackConfig(stack.emulator), EXAMPLE_SECRET_CONFIG);
  });
  after(async () => {
    await stack.project?.remove();
    await stack.emulator?.close();
  });
  return stack;
}
