import { sha256Hex } from "../signing/signer";
import { imageTypeOf } from "./file-type";
import { toProjectPath } from "./project-root";
import { readScan } from "./read-scan";
import type { DocType, FileSuffix, SignAuthFile } from "./sign-auth-file";

export interface DocumentFileOptions {
  fileType: DocType;
  /** Defaults to what the file's bytes are: `png`, or `jpg` (`jpeg` when the name ends with .jpeg). */
  fileSuffix?: FileSuffix;
}

/**
 * A scan on disk as a `SignAuthFile`, for the state to hold only what proves which file was sent: its path
 * relative to the project directory (where Pulumi.yaml is), its size and its sha256. The provider reads the bytes when
 * it files and refuses a file that changed since. Problems (missing, unreadable, not a regular
 * file, not an image, too large) are reported by `pulumi preview` under the property that holds the document.
 */
export function documentFile(file: string, options: DocumentFileOptions): SignAuthFile {
  // A file that cannot be read, or is refused unread (a FIFO, a device, over 5 MB), is recorded without a digest:
  // check reports why, with the property's path; a throw here would only show a stack trace.
  const read = readScan(file);
  const bytes = Buffer.isBuffer(read) ? read : undefined;
  const type = bytes ? imageTypeOf(bytes) : undefined;
  const fileSuffix = options.fileSuffix ?? (type === "png" ? "png" : /\.jpeg$/i.test(file) ? "jpeg" : "jpg");
  return {
    fileType: options.fileType,
    fileSuffix,
    document: { path: toProjectPath(file), sha256: bytes ? sha256Hex(bytes) : "", size: bytes?.length ?? 0 },
  };
}
