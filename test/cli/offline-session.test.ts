/**
 * `npm start` shows what the real CLI shows, and nothing it does not: the session's own commands (its `$ pulumi …`
 * lines, and the reviewer decisions it narrates) are replayed on the real CLI against an emulator, and every line the
 * session printed for a command must be a line of the real CLI's output of that command (timings aside).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import type { RunningEmulator } from "../../emulator";
import { EXAMPLE_PROJECT } from "../support/example-stack";
import { REPO_ROOT } from "../support/repo-root";
import { useExampleProject } from "./support/example-project";
import type { PulumiProject } from "./support/pulumi-cli";

interface Section {
  /** `preview`, `up`, `config set --secret operatorMobile 1380013800`, or a review decision. */
  line: string;
  printed: string[];
}

/** The session's commands in order, each with the lines it printed (narration, `#` lines, excluded). */
function sectionsOf(stdout: string): Section[] {
  const sections: Section[] = [];
  for (const raw of stdout.split("\n")) {
    const line = raw.trimEnd();
    const command = /^\$ pulumi (.*?)(?: {3}# .*)?$/.exec(line);
    const decision = /^# The emulator's reviewer (approves) (\S+) (\S+?)\.$/.exec(line);
    const carriers = /^# The carriers file signature (\S+?)\.$/.exec(line);
    if (command) sections.push({ line: command[1] ?? "", printed: [] });
    else if (decision) sections.push({ line: `${decision[1]} ${decision[2]} ${decision[3]}`, printed: [] });
    else if (carriers) sections.push({ line: `files signature ${carriers[1]}`, printed: [] });
    else if (line !== "" && !line.startsWith("#")) sections.at(-1)?.printed.push(line);
  }
  return sections;
}

/** A real CLI line as the session renders it: no timing, no trailing blanks, no progress lines. */
function normalised(output: string): Set<string> {
  return new Set(
    output
      .split("\n")
      .filter((line) => !line.startsWith("@ "))
      .map((line) => line.replace(/ \(\d+(\.\d+)?s\)/, "").trimEnd()),
  );
}

describe("npm start shows what the real CLI shows for each command", () => {
  const stack = useExampleProject("offline-session");
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let sections: Section[];
  before(() => {
    ({ emulator, project } = stack);
    const run = spawnSync("npm", ["start", "--silent"], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
    assert.equal(run.status, 0, run.stderr);
    sections = sectionsOf(run.stdout);
  });

  it("replays the session on the real CLI: each line it printed is a line of the CLI's output", async () => {
    assert.ok(sections.filter((s) => /^(preview|up|refresh|destroy)$/.test(s.line)).length >= 6, "too few commands");
    for (const section of sections) {
      const output = await replay(emulator, project, section.line);
      if (output === undefined) continue;
      const real = normalised(output);
      const missing = section.printed.filter((line) => !real.has(line));
      assert.deepEqual(missing, [], `npm start printed for "pulumi ${section.line}" what the CLI did not`);
    }
  });
});

/** Carries out one step of the session on the real CLI; the output of a command, undefined for other steps. */
async function replay(emulator: RunningEmulator, project: PulumiProject, line: string): Promise<string | undefined> {
  const config = /^config set (--secret )?(\S+) (.+)$/.exec(line);
  if (config) {
    await project.setConfig(`${EXAMPLE_PROJECT}:${config[2]}`, config[3] ?? "", config[1] !== undefined);
    return undefined;
  }
  const decision = /^(approves|files) (\S+) (\S+)$/.exec(line);
  if (decision) {
    const [, verb, kind, key = ""] = decision;
    const decide: Record<string, (key: string) => void> = {
      "approves qualification": (id) => emulator.approve(id),
      "approves signature": (content) => emulator.approveSignature(content),
      "approves template": (templateId) => emulator.approveTemplate(templateId),
      "files signature": (content) => emulator.fileSignatureWithCarriers(content),
    };
    const replay = decide[`${verb} ${kind}`];
    if (replay === undefined) throw new Error(`the session narrates a decision this test cannot replay: ${line}`);
    replay(key);
    return undefined;
  }
  const command = line.split(" ");
  const yes = command[0] === "preview" ? [] : ["--yes"];
  const { stdout, stderr } = await project.run([...command, ...yes], { allowFailure: true });
  return stdout + stderr;
}
