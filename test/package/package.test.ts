import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "../support/repo-root";

describe("the package after npm ci", () => {
  it("loads in plain node from the repository root, with the public API", () => {
    const keys = JSON.parse(
      execFileSync(
        process.execPath,
        ["-e", "console.log(JSON.stringify(Object.keys(require(process.argv[1])).sort()))", REPO_ROOT],
        { encoding: "utf8" },
      ),
    );
    for (const name of [
      "SmsSignatureIdent",
      "DocType",
      "Purpose",
      "CertificateType",
      "documentFile",
      "VolcengineError",
      "checkSignatureIdentBody",
    ]) {
      assert.ok(keys.includes(name), `${name} is not exported`);
    }
  });

  it("loads in a user's program without zod or undici: they load in the provider host, when check or create runs", () => {
    const script = "require(process.argv[1]); console.log(JSON.stringify(Object.keys(require.cache)))";
    const loaded: string[] = JSON.parse(
      execFileSync(process.execPath, ["-e", script, REPO_ROOT], { encoding: "utf8" }),
    );
    assert.ok(loaded.includes(path.join(REPO_ROOT, "dist", "provider", "index.js")), "the package itself did not load");
    const inHost = (name: string) => `${path.sep}node_modules${path.sep}${name}${path.sep}`;
    assert.deepEqual(
      loaded.filter((file) => file.includes(inHost("zod"))),
      [],
    );
    assert.deepEqual(
      loaded.filter((file) => file.includes(inHost("undici"))),
      [],
    );
  });

  it("takes @pulumi/pulumi from the user's program: a peer dependency, never its own copy", () => {
    const manifest = require("../../package.json");
    assert.equal(manifest.dependencies["@pulumi/pulumi"], undefined);
    assert.match(manifest.peerDependencies["@pulumi/pulumi"], /^>=3\.139/);
  });
});
