import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TINY_PNG_BASE64 } from "../support/fixtures/documents";
import { REPO_ROOT } from "../support/repo-root";
import { installPackedIntoScratchProject } from "../support/scratch-project";

/** Every installed copy of a package below a node_modules tree. */
function installedCopies(nodeModules: string, name: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith("@")) walk(full);
      else {
        const manifest = path.join(full, "package.json");
        if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === name) found.push(full);
        const nested = path.join(full, "node_modules");
        if (fs.existsSync(nested)) walk(nested);
      }
    }
  };
  walk(nodeModules);
  return found;
}

describe("the package installed from npm pack into a user's project", function () {
  this.timeout(300_000);
  let scratch: string;
  let report: any;

  before(() => {
    scratch = installPackedIntoScratchProject("user-stack");
    for (const file of ["user-program.js", "rehearse.js"])
      fs.copyFileSync(path.join(__dirname, "packed", file), path.join(scratch, file));
    const output = execFileSync(process.execPath, ["rehearse.js"], {
      cwd: scratch,
      encoding: "utf8",
      env: { PATH: process.env.PATH, SCAN: TINY_PNG_BASE64, HARNESS: path.join(REPO_ROOT, "dist", "harness") },
    });
    report = JSON.parse(output.trim().split("\n").at(-1)!);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("leaves one copy of the Pulumi runtime: the user's", () => {
    assert.deepEqual(installedCopies(path.join(scratch, "node_modules"), "@pulumi/pulumi"), [
      path.join(scratch, "node_modules", "@pulumi", "pulumi"),
    ]);
    assert.equal(report.pulumiResolvedFrom, path.join("node_modules", "@pulumi", "pulumi", "index.js"));
  });

  it("previews and creates through the project's own provider host", () => {
    assert.deepEqual(report.failures, []);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.previewSteps, ["create"]);
    assert.equal(report.id, "9007199254740993");
    assert.equal(report.applyRequests, 1);
  });

  it("stores the small __provider pinned in test/contract: one require of the package's shim module", () => {
    const text: string = report.providerText;
    const pinned = path.join(REPO_ROOT, "test", "contract", "fixtures", "shim-0.2.0-package-sms-signature-ident.txt");
    assert.equal(text, fs.readFileSync(pinned, "utf8"), "a new shim form must be pinned in test/contract first");
    assert.ok(
      !text.includes(scratch) && !text.includes(REPO_ROOT) && !text.includes(os.tmpdir()),
      "__provider holds a local path",
    );
    assert.ok(Buffer.byteLength(text) < 512, `__provider is ${Buffer.byteLength(text)} bytes`);
  });
});
