/**
 * Mocha root hook of the real-CLI tests: once they all ran, no process any of their commands started may still run.
 * Each project ends its own when removed; this catches one a test forgot, ends it, and fails the run.
 */
import { endProcesses, processesOfThisRun } from "./pulumi-cli";

export const mochaHooks = {
  async afterAll() {
    const left = processesOfThisRun();
    await endProcesses(left);
    if (left.length > 0)
      throw new Error(`the real-CLI tests left ${left.length} process(es) running: ${left.join(", ")}`);
  },
};
