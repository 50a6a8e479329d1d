import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The Pulumi project directory: the nearest folder, from the working directory up, that holds Pulumi.yaml (or the
 * working directory when none does). Document paths are relative to it on both sides, because the program and the
 * provider host may not share a working directory: with `main:` in Pulumi.yaml the program runs in its own folder.
 */
export function projectRoot(from: string = process.cwd()): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml")) || fs.existsSync(path.join(dir, "Pulumi.yml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from);
  }
}

/** A path as stored in state: relative to the project directory, `/`-separated whatever the OS. */
export function toProjectPath(file: string): string {
  return path.relative(projectRoot(), path.resolve(file)).split(path.sep).join("/");
}

export function fromProjectPath(stored: string): string {
  return path.resolve(projectRoot(), ...stored.split("/"));
}
