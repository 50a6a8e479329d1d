import type { PulumiProject } from "./pulumi-cli";

/** After a failed test, prints every CLI command the project ran so far with its output. */
export function printTranscriptOnFailure(project: () => PulumiProject | undefined): void {
  afterEach(function () {
    const current = project();
    if (this.currentTest?.state !== "failed" || !current) return;
    process.stderr.write(`\n--- pulumi CLI transcript of "${this.currentTest.title}" ---\n`);
    process.stderr.write(`${current.transcript.join("\n")}\n--- end of transcript ---\n`);
  });
}
