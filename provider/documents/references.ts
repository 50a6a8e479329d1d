import { containsUnknown } from "../engine/inputs";
import { sha256Hex } from "../signing/signer";
import { fromProjectPath } from "./project-root";
import { readScan, type ScanRead } from "./read-scan";
import type { DocumentReference } from "./sign-auth-file";

/**
 * The provider's side of `documentFile`: it runs in Pulumi's provider host and finds each file from the project
 * directory, the same base the program's paths were made relative to.
 */

export interface FoundDocument {
  /** Path of the SignAuthFile inside the body. */
  at: PropertyKey[];
  file: { fileSuffix?: unknown; document: DocumentReference };
}

/** Every SignAuthFile in the body that refers to a file on disk. */
export function findDocuments(value: unknown, at: PropertyKey[] = [], into: FoundDocument[] = []): FoundDocument[] {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) findDocuments(item, [...at, i], into);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const document = record.document;
    if (
      document !== null &&
      typeof document === "object" &&
      typeof (document as DocumentReference).path === "string" &&
      !containsUnknown(document)
    ) {
      into.push({ at, file: record as FoundDocument["file"] });
    }
    for (const [key, item] of Object.entries(record)) if (key !== "document") findDocuments(item, [...at, key], into);
  }
  return into;
}

export function readDocument(reference: DocumentReference): ScanRead {
  return readScan(fromProjectPath(reference.path));
}

/**
 * How the bytes read now compare with what the program recorded: `unread` when `documentFile()` could not read the
 * file (it then records no digest), so the message says that rather than "changed".
 */
export function digestVerdict(reference: DocumentReference, bytes: Buffer): "same" | "unread" | "changed" {
  if (reference.sha256 === "") return "unread";
  return sha256Hex(bytes) === reference.sha256 ? "same" : "changed";
}
