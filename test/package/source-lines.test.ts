import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../support/repo-root";

/** The project's width: Biome formats code to it, but leaves long strings and comments as they are. */
const MAX_LINE = 120;

describe("the source", () => {
  it(`has no line longer than ${MAX_LINE} characters (TypeScript and JavaScript; not Markdown or JSON data)`, () => {
    const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    const files = listed.split("\n").filter((file) => /\.(ts|js)$/.test(file));
    assert.ok(files.length > 50, `only ${files.length} files listed`);
    const long: string[] = [];
    for (const file of files) {
      const full = path.join(REPO_ROOT, file);
      if (!fs.existsSync(full)) continue;
      const lines = fs.readFileSync(full, "utf8").split("\n");
      lines.forEach((line, i) => {
        if ([...line].length > MAX_LINE) long.push(`${file}:${i + 1} (${[...line].length})`);
      });
    }
    assert.deepEqual(long, []);
  });
});
