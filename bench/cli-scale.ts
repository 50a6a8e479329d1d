/**
 * 9. The real CLI rewrites the whole state after every step, so a stack's `pulumi up` grows with N × one resource's
 * state. Measured with the CLI `npm run pulumi-cli` builds and a local backend: a fresh stack's `pulumi up` of N
 * qualifications against one of N dynamic resources that do nothing, in the same CLI, as ratios; against N that do
 * nothing but hold a qualification's state, which tells what our provider adds; and the state's bytes per resource.
 * Needs the built CLI (Go); without it, or with --quick, the rows say it was skipped.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { startEmulator } from "../emulator";
import { PERSONAL_FIELDS } from "../provider/resources/qualification/types";
import { PULUMI_BIN, PulumiProject } from "../test/cli/support/pulumi-cli";
import { image } from "../test/support/fixtures/documents";
import { installPackedIntoScratchProject } from "../test/support/scratch-project";
import { validInputs } from "./fixtures";
import { summarize } from "./stats";
import { bytes, formatRatio, type Row, ratio, text, time } from "./table";

const COUNTS = [50, 200] as const;
const GOALS: Record<number, number> = { 50: 1.3, 200: 1.5 };
/** What our provider may add to a `pulumi up` over one that does nothing and writes the same state. */
const OWN_COST_GOAL = 1.2;

const PROGRAM = `const pulumi = require("@pulumi/pulumi");
const fs = require("fs");
const config = new pulumi.Config("bench");
const count = Number(config.require("count"));
const kind = config.require("kind");
if (kind === "empty") {
  const provider = { async create() { return { id: String(Math.random()).slice(2), outs: {} }; } };
  for (let i = 0; i < count; i++) new pulumi.dynamic.Resource(provider, "empty-" + i, {}, {});
} else {
  const { SmsSignatureIdent, documentFile } = require("pulumi-volcengine-sms");
  // Each scan as a file beside the program, as the README has users declare them.
  const withFiles = (value) =>
    Array.isArray(value) ? value.map(withFiles)
    : value === null || typeof value !== "object" ? value
    : "fileContent" in value
      ? documentFile("documents/" + value.fileType + "." + value.fileSuffix, { fileType: value.fileType })
      : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withFiles(item)]));
  const inputs = withFiles(JSON.parse(fs.readFileSync(__dirname + "/inputs.json", "utf8")));
  const named = (i) => ({ ...inputs, materialName: "客户" + i + "的短信资质" });
  // The state of a qualification from a provider that does nothing: its personal fields secret where
  // SmsSignatureIdent registers them, the outputs the inputs and the review fields.
  const personal = new Set(${JSON.stringify(PERSONAL_FIELDS)});
  const withSecrets = (value) =>
    Array.isArray(value) ? value.map(withSecrets)
    : value === null || typeof value !== "object" ? value
    : Object.fromEntries(Object.entries(value).map(([key, item]) =>
        [key, personal.has(key) ? pulumi.secret(item) : withSecrets(item)]));
  const review = { approved: false, reviewOpinion: "", reviewStatus: "reviewing", reviewedAt: "", usable: false };
  const sameState = {
    async create(filed) { return { id: String(Math.random()).slice(2), outs: { ...filed, ...review } }; },
  };
  for (let i = 0; i < count; i++) {
    if (kind === "same-state") new pulumi.dynamic.Resource(sameState, "s-" + i, withSecrets(named(i)), {});
    else new SmsSignatureIdent("q-" + i, named(i));
  }
}
`;

/**
 * Each scan of the inputs, as a file named by its type: what the program's documentFile()s read. 2 KB, so that the
 * figure is the CLI's and the state's: filing real scans is item 5's (4 MB over loopback).
 */
function writeScans(dir: string, value: unknown): void {
  if (Array.isArray(value)) for (const item of value) writeScans(dir, item);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const scan = value as { fileContent?: unknown; fileType?: number; fileSuffix?: string };
  if (scan.fileContent === undefined) {
    for (const item of Object.values(value)) writeScans(dir, item);
    return;
  }
  const file = path.join(dir, "documents", `${scan.fileType}.${scan.fileSuffix}`);
  fs.writeFileSync(file, image(scan.fileSuffix === "png" ? "png" : "jpeg", 2048, scan.fileType));
}

/**
 * As a user has it: the packed package installed from its tarball (so `__provider` is the 287 B require, item 3),
 * a plain-JavaScript program, the scans as files.
 */
function scratchProject(): string {
  const dir = installPackedIntoScratchProject("bench-cli");
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-cli\nruntime: nodejs\nmain: index.js\n");
  fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
  fs.writeFileSync(path.join(dir, "inputs.json"), JSON.stringify(validInputs()));
  fs.mkdirSync(path.join(dir, "documents"));
  writeScans(dir, validInputs());
  return dir;
}

type Kind = "empty" | "same-state" | "ours";

async function upOf(dir: string, kind: Kind, count: number, settings: Record<string, string>) {
  const project = PulumiProject.at(dir);
  try {
    await project.initStack({ "bench:count": String(count), "bench:kind": kind, ...settings }, []);
    const started = performance.now();
    await project.run(["up", "--yes", "--skip-preview"], { timeoutMs: 600_000 });
    const ms = performance.now() - started;
    const { text: state } = await project.exportState();
    return { ms, stateBytesPerResource: Buffer.byteLength(state) / count };
  } finally {
    await project.remove();
  }
}

export async function measureCliScale(quick: boolean): Promise<Row[]> {
  const built =
    fs.existsSync(path.join(PULUMI_BIN, "pulumi")) && fs.existsSync(path.join(PULUMI_BIN, "pulumi-language-nodejs"));
  if (quick || !built) {
    const why = quick ? "skipped with --quick" : "skipped: the Pulumi CLI is not built (npm run pulumi-cli)";
    return [
      { item: 9, label: "real CLI: pulumi up of N qualifications ÷ N empty dynamic resources", figure: text(why) },
    ];
  }
  const emulator = await startEmulator({ approvalDelayMs: null });
  const dir = scratchProject();
  const settings = {
    "volcengine:accessKey": emulator.accessKey,
    "volcengine:secretKey": emulator.secretKey,
    "volcengine:region": emulator.region,
    "volcengine:smsEndpoint": emulator.endpoint,
  };
  const rows: Row[] = [];
  try {
    for (const count of COUNTS) {
      const empty = await upOf(dir, "empty", count, settings);
      const sameState = await upOf(dir, "same-state", count, settings);
      const ours = await upOf(dir, "ours", count, settings);
      const over = ours.ms / empty.ms;
      const ownCost = ours.ms / sameState.ms;
      rows.push(
        {
          item: 9,
          label: `real CLI, fresh stack: pulumi up of ${count} qualifications`,
          figure: time(summarize([ours.ms])),
        },
        {
          item: 9,
          label: `real CLI: pulumi up of ${count} empty dynamic resources`,
          figure: time(summarize([empty.ms])),
        },
        {
          item: 9,
          label: `real CLI: pulumi up of ${count} do-nothing dynamic resources with a qualification's state`,
          figure: time(summarize([sameState.ms])),
        },
        {
          item: 9,
          label: `real CLI: ${count} qualifications ÷ ${count} empty dynamic resources`,
          figure: ratio(summarize([over])),
          target: { text: `≤ ${GOALS[count]}×`, met: over <= GOALS[count]! },
          whenMissed:
            `the CLI writes the whole state after each step, so the cost grows with N × one resource's state: ` +
            `${count} do-nothing resources holding the same state take ${formatRatio(sameState.ms / empty.ms)} ` +
            `the empty ones, and ours ${formatRatio(ownCost)} of those. The outputs repeat the inputs because the ` +
            "CLI shows a replacement as old outputs against new inputs (a dynamic provider cannot return a detailed " +
            "diff): outputs holding digests instead made pulumi preview --diff list every field as added. One stack " +
            "per company (item 10) keeps N small",
        },
        {
          item: 9,
          label: `real CLI: ${count} qualifications ÷ ${count} do-nothing resources with the same state (our own cost)`,
          figure: ratio(summarize([ownCost])),
          target: { text: `≤ ${OWN_COST_GOAL}×`, met: ownCost <= OWN_COST_GOAL },
        },
        {
          item: 9,
          label: `real CLI: state per resource, ${count} qualifications (stack export)`,
          figure: bytes(Math.round(ours.stateBytesPerResource)),
        },
        {
          item: 9,
          label: `real CLI: state per resource, ${count} do-nothing resources with the same state`,
          figure: bytes(Math.round(sameState.stateBytesPerResource)),
        },
        {
          item: 9,
          label: `real CLI: state per resource, ${count} empty dynamic resources`,
          figure: bytes(Math.round(empty.stateBytesPerResource)),
        },
      );
    }
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
