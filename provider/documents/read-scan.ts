/**
 * Reads a scan for `documentFile()` (in the program) and for the provider (in preview and at apply): one function, so
 * both sides refuse the same files with the same words. Synchronous because `documentFile()` must return a value.
 */
import * as fs from "node:fs";
import { MAX_FILE_BYTES } from "../check/limits";

/** The file's bytes, or what is wrong with it, phrased to follow the file's path in a message. */
export type ScanRead = Buffer | { problem: string };

/**
 * Stats the path before opening it, and the opened file before reading it: a FIFO would block a read forever, a device
 * or a 512 MB file would fill the memory, and the second look catches a file swapped in between.
 */
export function readScan(file: string): ScanRead {
  let descriptor: number;
  try {
    const problem = statProblem(fs.statSync(file));
    if (problem) return { problem };
    // O_NONBLOCK: if a FIFO was swapped in after the stat, opening it must not wait for a writer.
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: failureProblem(file, error) };
  }
  try {
    const stat = fs.fstatSync(descriptor);
    const problem = statProblem(stat);
    if (problem) return { problem };
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < bytes.length) {
      const read = fs.readSync(descriptor, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return bytes.subarray(0, length);
  } catch (error) {
    return { problem: failureProblem(file, error) };
  } finally {
    fs.closeSync(descriptor);
  }
}

function statProblem(stat: fs.Stats): string | undefined {
  const kind = stat.isDirectory()
    ? "a folder"
    : stat.isFIFO()
      ? "a named pipe (FIFO)"
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? "a device"
        : stat.isSocket()
          ? "a socket"
          : undefined;
  if (kind) return `is ${kind}, not a regular file`;
  if (stat.size > MAX_FILE_BYTES) return `is ${stat.size} bytes; at most ${MAX_FILE_BYTES} (5 MB)`;
  return undefined;
}

function failureProblem(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return isSymbolicLink(file) ? "is a symbolic link to a file that does not exist" : "does not exist";
    case "ENOTDIR":
      return "does not exist: a folder on its path is a file";
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied for the user running pulumi";
    case "ELOOP":
      return "cannot be read: its symbolic links form a loop";
    default:
      return `cannot be read (${code ?? "error"})`;
  }
}

function isSymbolicLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
