/** The `pulumi-volcengine-sms qualifications` command, run as a user runs it (the built bin), against the emulator. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { call, useEmulators } from "../support/emulator-client";
import { validInputs } from "../support/fixtures/qualification";
import { REPO_ROOT } from "../support/repo-root";

const BIN = path.join(REPO_ROOT, "dist", "provider", "cli", "main.js");
const OPINION = "授权委托书缺少公章";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("pulumi-volcengine-sms qualifications", () => {
  const start = useEmulators();
  let outside: string;
  before(() => {
    // Not a Pulumi project: credentials come from the environment alone.
    outside = fs.mkdtempSync(path.join(os.tmpdir(), "qualifications-"));
  });
  after(() => fs.rmSync(outside, { recursive: true, force: true }));

  function run(emu: RunningEmulator | undefined, args: string[]): Promise<Run> {
    const env = { PATH: process.env.PATH };
    const credentials = emu && {
      VOLCENGINE_ACCESS_KEY: emu.accessKey,
      VOLCENGINE_SECRET_KEY: emu.secretKey,
      VOLCENGINE_SMS_ENDPOINT: emu.endpoint,
    };
    return new Promise((resolve) => {
      execFile(process.execPath, [BIN, ...args], { cwd: outside, env: { ...env, ...credentials } }, (error, out, err) =>
        resolve({ code: error ? Number(error.code) : 0, stdout: out, stderr: err }),
      );
    });
  }

  async function file(emu: RunningEmulator, materialName: string): Promise<string> {
    const response = await call(emu, "ApplySignatureIdent", validInputs({ materialName }));
    return /"id":(\d+)/.exec(response.text)?.[1] ?? assert.fail(response.text);
  }

  async function account() {
    const emu = await start();
    const ids = {
      reviewing: await file(emu, "审核中的资质"),
      rejected: await file(emu, "被驳回的资质"),
      approved: await file(emu, "审核中的资质"),
    };
    emu.reject(ids.rejected, OPINION);
    emu.approve(ids.approved);
    return { emu, ids };
  }

  it("--json lists every qualification with id, name, status, reason and review time", async () => {
    const { emu, ids } = await account();
    const { code, stdout } = await run(emu, ["qualifications", "--json"]);
    assert.equal(code, 0);
    const listed = JSON.parse(stdout) as Record<string, unknown>[];
    assert.deepEqual(
      listed.map((q) => [q.id, q.materialName, q.reviewStatus, q.reviewOpinion]),
      [
        [ids.reviewing, "审核中的资质", "reviewing", ""],
        [ids.rejected, "被驳回的资质", "rejected", OPINION],
        [ids.approved, "审核中的资质", "approved", ""],
      ],
    );
    assert.match(String(listed[1]?.reviewedAt), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("--name keeps exact names only, --status one state; the table shows the reason", async () => {
    const { emu, ids } = await account();
    const byName = JSON.parse((await run(emu, ["qualifications", "--name", "审核中的资质", "--json"])).stdout);
    assert.deepEqual(
      byName.map((q: { id: string }) => q.id),
      [ids.reviewing, ids.approved],
    );
    const none = JSON.parse((await run(emu, ["qualifications", "--name", "审核中", "--json"])).stdout);
    assert.deepEqual(none, [], "a part of a name is not the name");

    const table = await run(emu, ["qualifications", "--status", "rejected"]);
    assert.equal(table.code, 0);
    const lines = table.stdout.trimEnd().split("\n");
    assert.match(lines[0] ?? "", /^ID\s+NAME\s+STATUS\s+REVIEWED AT\s+REASON$/);
    assert.equal(lines.length, 2);
    assert.match(lines[1] ?? "", new RegExp(`^${ids.rejected}\\s+被驳回的资质\\s+rejected\\s+\\S+Z\\s+${OPINION}$`));
    assert.match(table.stderr, /1 qualification\(s\); credentials from the environment/);
  });

  it("on an account without the newer list, says that only approved ones are shown", async () => {
    const { emu, ids } = await account();
    emu.configure({ offerIdentificationList: false });
    const { code, stdout, stderr } = await run(emu, ["qualifications"]);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`^${ids.approved}\\s+审核中的资质\\s+approved`, "m"));
    assert.doesNotMatch(stdout, new RegExp(ids.rejected));
    assert.match(stderr, /approved ones only/);
  });

  it("without credentials, or with a wrong option, says what to do and exits non-zero", async () => {
    const missing = await run(undefined, ["qualifications"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /\(MissingCredentials\): no Volcengine access key and secret key is configured/);
    const wrong = await run(undefined, ["qualifications", "--status", "pending"]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--status must be one of reviewing, rejected, approved, closed, exempted/);
  });
});
