/** The example program (examples/index.ts) as a stack: its config and a loader that runs it afresh. */
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { ID_NUMBERS, MOBILES } from "./fixtures/qualification";
import { emulatorConfig } from "./peers";
import { REPO_ROOT } from "./repo-root";

export const EXAMPLE_PROJECT = "volcengine-sms-example";
export const EXAMPLE_PROGRAM = path.join(REPO_ROOT, "examples", "index.ts");

/** What `pulumi config set` would hold for the example's stack, pointed at the emulator. */
export function exampleStackConfig(
  emulator: RunningEmulator,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return emulatorConfig(emulator, {
    [`${EXAMPLE_PROJECT}:operatorIdNumber`]: ID_NUMBERS.operator,
    [`${EXAMPLE_PROJECT}:operatorMobile`]: MOBILES.operator,
    [`${EXAMPLE_PROJECT}:responsibleIdNumber`]: ID_NUMBERS.responsible,
    [`${EXAMPLE_PROJECT}:responsibleMobile`]: MOBILES.responsible,
    ...overrides,
  });
}

/** Runs the program again, as each `pulumi preview` or `up` does. */
export function loadExampleProgram(): void {
  delete require.cache[require.resolve(EXAMPLE_PROGRAM)];
  require(EXAMPLE_PROGRAM);
}
