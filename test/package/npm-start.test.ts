import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "../support/repo-root";

describe("npm start: the offline session of the example", () => {
  let run: ReturnType<typeof spawnSync>;
  let stdout: string;

  before(() => {
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith("VOLCENGINE_")) delete env[key];
    run = spawnSync("npm", ["start", "--silent"], { cwd: REPO_ROOT, encoding: "utf8", env, timeout: 120_000 });
    stdout = String(run.stdout);
  });

  it("exits 0 with nothing on stderr", () => {
    assert.equal(run.status, 0, `npm start failed: ${run.stderr}`);
    assert.equal(String(run.stderr).trim(), "");
  });

  it("reads like a Pulumi session, in order: preview, failed preview, up, refresh, replacement, destroy", () => {
    const order = [
      "$ pulumi preview",
      "1 error",
      "$ pulumi up",
      "$ pulumi refresh",
      "replace [diff: ~materialName]",
      "$ pulumi destroy",
      "Done in",
    ];
    let at = 0;
    for (const marker of order) {
      const found = stdout.indexOf(marker, at);
      assert.ok(found >= 0, `"${marker}" missing or out of order in:\n${stdout}`);
      at = found;
    }
  });

  it("shows the check failure naming the field, without the value", () => {
    assert.match(stdout, /error: operatorPerson: operatorPerson\.personMobile: must be a mainland mobile number/);
    assert.doesNotMatch(stdout.split("$ pulumi preview")[2].split("$ pulumi config")[0], /1380013800/);
  });

  it("prints the new id (above 2^53, exact), approval after refresh, and the warning that the API cannot delete", () => {
    assert.match(stdout, /qualificationId: "9007199254740993"/);
    assert.match(stdout, /approved: false => true/);
    assert.match(
      stdout,
      /warning: SmsSignatureIdent: qualification 9007199254740993 .* stays on the Volcengine account: the SMS API has no delete/,
    );
  });
});

describe("npm start with a program that throws after declaring its resources", () => {
  it("exits 1 and names the failure, as pulumi up would fail", () => {
    const program = path.join(__dirname, "programs", "example-then-throws.ts");
    const run = spawnSync("npm", ["start", "--silent", "--", program], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    assert.equal(run.status, 1, `npm start passed: ${run.stdout}`);
    assert.match(run.stderr, /npm start failed: .*the program failed after it declared its resources/);
  });
});
