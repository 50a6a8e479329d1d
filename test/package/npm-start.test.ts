import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { pattern } from "../support/pattern";
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

  it("reads like a Pulumi session over the days of review, in order, to a usable template and destroy", () => {
    const order = [
      "$ pulumi preview",
      "1 error",
      "$ pulumi up",
      'SmsSignature "示例科技" is not filed yet: qualification 9007199254740993',
      "$ pulumi refresh",
      "reviewing → approved",
      "SmsSignature example-signature updated",
      "SmsTemplate example-template replaced",
      'SmsSignature "示例科技": reviewing → approved. Next: the carriers file it next',
      "its signatures are approved now: the next pulumi up files it",
      'with signature "示例科技"',
      "~ sendWith             : {",
      '+ 示例科技        : "S2T_',
      "SmsSignature example-signature updated [diff: ~desc]",
      "SmsSignature example-signature replace [diff: ~content]",
      "$ pulumi destroy",
      "withdrawn from review and removed from the account",
      "Done in",
    ];
    let at = 0;
    for (const marker of order) {
      const found = stdout.indexOf(marker, at);
      assert.ok(found >= 0, `"${marker}" missing or out of order in:\n${stdout}`);
      at = found;
    }
  });

  it("shows the check failure as the CLI does: the field and the rule, not the value or the property's", () => {
    assert.match(
      stdout,
      pattern(
        /error: pulumi-nodejs:dynamic\/volcengine-sms:SmsSignatureIdent resource 'example-qualification' has a /,
        /problem: operatorPerson\.personMobile: must be a mainland mobile number/,
      ),
    );
    const failedPreview = stdout.split("$ pulumi preview")[2]?.split("$ pulumi config")[0] ?? "";
    assert.doesNotMatch(failedPreview, /1380013800/);
    assert.doesNotMatch(failedPreview, /property operatorPerson value/);
  });

  it("prints the new id (above 2^53, exact), the review change a refresh reads, the delete warning", () => {
    assert.match(stdout, /qualificationId {6}: "9007199254740993"/);
    const [, beforeReview = "", afterReview = "", nextUp = ""] = stdout.split(/\$ pulumi (?:refresh|up)/).slice(1);
    assert.doesNotMatch(beforeReview, /→/, "no review moved: no review line");
    assert.match(beforeReview, /will be filed once qualification 9007199254740993 is approved/, "what waits says so");
    assert.match(
      afterReview,
      /qualification 9007199254740993 "示例科技短信资质": reviewing → approved\. Next: SMS signatures can be filed/,
    );
    assert.doesNotMatch(afterReview, /=> true/, "a refresh does not update the stack outputs");
    assert.match(nextUp, /~ approved\s*: false => true/, "the next pulumi up does");
    assert.match(
      stdout,
      pattern(
        /\n {4}SmsSignatureIdent: qualification 9007199254740993 .* stays on the Volcengine account: /,
        /the SMS API has no delete/,
      ),
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
