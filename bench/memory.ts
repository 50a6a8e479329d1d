/**
 * 7. Peak memory of a create with a 20 MB body: four 3.75 MB scans (`documentFile()`, 5 MB each once in base64)
 * plus the fields. Each run is a fresh process (bench/memory-child.ts) so earlier measurements leave nothing behind;
 * the emulator runs in another process, so the server's copy of the body is not counted.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { DocType } from "../provider/documents/sign-auth-file";
import { image } from "../test/support/fixtures/documents";
import { checkSentBody } from "./body-check";
import { startEmulatorProcess } from "./emulator-process";
import { documentInputs, MB, repoRoot, ScanProject, validInputs, writeScans } from "./fixtures";
import { summarize } from "./stats";
import { bytes, formatBytes, type Row, ratio } from "./table";

/** Four scans whose data URIs make a body of about 20 MB: 3.75 MB each, 5 MB each in base64. */
const SCAN_BYTES = (15 * MB) / 4;

interface ChildReport {
  baseline: number;
  peak: number;
  bodyBytes: number;
  method: string;
}

export async function measureMemory(quick: boolean): Promise<Row[]> {
  const emulator = await startEmulatorProcess();
  const project = new ScanProject();
  try {
    writeScans(project, SCAN_BYTES);
    project.write("responsible-id-front.png", image("png", SCAN_BYTES, 4));
    const inputs = documentInputs(project);
    inputs.responsiblePersonInfo.personCertificate = [
      project.documentFile("responsible-id-front.png", DocType.ResponsiblePersonIdCardFront),
    ];
    const job = JSON.stringify({ config: emulator.config, projectDir: project.dir, warmup: validInputs(), inputs });

    const reports: ChildReport[] = [];
    for (let run = 0; run < (quick ? 1 : 3); run++) {
      const output = execFileSync(
        process.execPath,
        ["--expose-gc", "-r", "ts-node/register", path.join(__dirname, "memory-child.ts")],
        {
          cwd: repoRoot,
          input: job,
          encoding: "utf8",
        },
      );
      reports.push(JSON.parse(output.trim().split("\n").at(-1)!));
    }
    const body = reports[0]!.bodyBytes;
    const growth = summarize(reports.map((r) => r.peak - r.baseline));
    const overBody = summarize(reports.map((r) => (r.peak - r.baseline) / r.bodyBytes));
    return [
      { item: 7, label: `create body size (four ${formatBytes(SCAN_BYTES)} scans as data URIs)`, figure: bytes(body) },
      {
        item: 7,
        label:
          `create peak RSS growth over baseline (${reports[0]!.method}, ${reports.length} ` +
          `process${reports.length > 1 ? "es" : ""})`,
        figure: { kind: "bytes-summary", summary: growth },
      },
      {
        item: 7,
        label: "create peak RSS growth ÷ body size",
        figure: ratio(overBody),
        target: { text: "≤ 3×", met: overBody.median <= 3 },
        whenMissed:
          "besides the body (1×) create holds the scans' bytes while it writes their base64 (0.75× here): look for " +
          "a new copy in provider/documents/inline.ts, runtime.create or the client",
      },
      ...(await checkSentBody()),
    ];
  } finally {
    await emulator.stop();
    project.remove();
  }
}
