/**
 * Mocha root hook: the provider host, the packed package and `npm start` run the compiled dist/, while the tests run
 * the TypeScript sources. A source newer than its build would test one and run the other: stop before any test.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./repo-root";

const BUILT = ["provider", "emulator", "harness"];

/** The sources whose compiled file is missing or older than they are. */
export function staleSources(root = REPO_ROOT): string[] {
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        const built = path.join(root, "dist", file.replace(/\.ts$/, ".js"));
        const source = fs.statSync(path.join(root, file)).mtimeMs;
        if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < source) stale.push(file);
      }
    }
  };
  for (const dir of BUILT) walk(dir);
  return stale;
}

export const mochaHooks = {
  beforeAll() {
    const stale = staleSources();
    if (stale.length > 0) {
      const more = stale.length > 3 ? ` and ${stale.length - 3} more` : "";
      throw new Error(
        `dist/ is older than ${stale.slice(0, 3).join(", ")}${more}: run npm run build (npm test does) before the ` +
          "tests, which run dist/ in the provider host",
      );
    }
  },
};
