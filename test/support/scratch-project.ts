/** A user's project that installed this package from its `npm pack` tarball, next to its own @pulumi/pulumi. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { REPO_ROOT } from "./repo-root";

/**
 * Makes the project in a new temp folder and returns that folder; the caller removes it. `dependencies` come on top
 * (a TypeScript program's own compiler, say, or another @pulumi/pulumi).
 */
export function installPackedIntoScratchProject(name: string, dependencies: Record<string, string> = {}): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  // Packing runs no scripts, as a registry install would not: dist/ is what the last build left.
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  const tarball = path.join(scratch, JSON.parse(packed)[0].filename);
  // This checkout's version, or the one scripts/node-matrix.sh gives (the newest, on Node 22 and 24).
  const pulumiVersion = process.env.PACKED_PULUMI_VERSION ?? require("@pulumi/pulumi/package.json").version;
  fs.writeFileSync(
    path.join(scratch, "package.json"),
    JSON.stringify({
      name,
      private: true,
      dependencies: { "@pulumi/pulumi": pulumiVersion, ...dependencies, "pulumi-volcengine-sms": `file:${tarball}` },
    }),
  );
  // What `npm ci` put in the npm cache is not downloaded again.
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: scratch,
    stdio: "pipe",
  });
  return scratch;
}
