import { promises as fs } from "node:fs";
import * as path from "node:path";
import { formatPath, type CheckFailure } from "../schema/check";
import type { DocumentReference } from "../types";
import { containsUnknown } from "../values";
import { documentBytesProblem, sha256Of } from "./file-type";

/**
 * The provider's side of `documentFile`: it runs in Pulumi's provider host, whose working directory is the
 * project directory, the same base the program's relative paths were made from.
 */


interface FoundDocument {
  /** Path of the SignAuthFile inside the body. */
  at: PropertyKey[];
  file: { fileSuffix?: unknown; document: DocumentReference };
}

/** Every SignAuthFile in the body that refers to a file on disk. */
function findDocuments(value: unknown, at: PropertyKey[] = [], into: FoundDocument[] = []): FoundDocument[] {
  if (Array.isArray(value)) value.forEach((item, i) => findDocuments(item, [...at, i], into));
  else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const document = record.document;
    if (document !== null && typeof document === "object" && typeof (document as DocumentReference).path === "string" && !containsUnknown(document)) {
      into.push({ at, file: record as FoundDocument["file"] });
    }
    for (const [key, item] of Object.entries(record)) if (key !== "document") findDocuments(item, [...at, key], into);
  }
  return into;
}

async function readDocument(reference: DocumentReference): Promise<Buffer | { problem: string }> {
  try {
    return await fs.readFile(path.resolve(reference.path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? "error"})` };
  }
}

/** check's file rules: the file exists, is a JPEG or PNG matching fileSuffix, at most 5 MB, and is the file the program read. */
export async function documentFailures(body: unknown): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  for (const { at, file } of findDocuments(body)) {
    const where = formatPath([...at, "document"]);
    const fail = (problem: string) => failures.push({ property: String(at[0]), reason: `${where}: ${file.document.path} ${problem} (证件文件)` });
    const bytes = await readDocument(file.document);
    if (!Buffer.isBuffer(bytes)) {
      fail(bytes.problem);
      continue;
    }
    const problem = documentBytesProblem(bytes, file.fileSuffix);
    if (problem) fail(problem);
    else if (sha256Of(bytes) !== file.document.sha256) fail("changed after the program read it: run again");
  }
  return failures;
}

export type FileContentFormat = "dataUri" | "base64";

/**
 * The body to send: each file reference replaced by the file's content, read now and verified against the digest
 * the program recorded, so the vendor receives exactly the file that preview showed.
 */
export async function inlineDocuments<T>(body: T, format: FileContentFormat): Promise<{ body: T; problems: string[] }> {
  const copy = structuredClone(body);
  const problems: string[] = [];
  for (const { at, file } of findDocuments(copy)) {
    const bytes = await readDocument(file.document);
    const where = `${formatPath([...at, "document"])}: ${file.document.path}`;
    if (!Buffer.isBuffer(bytes)) {
      problems.push(`${where} ${bytes.problem}`);
      continue;
    }
    if (sha256Of(bytes) !== file.document.sha256) {
      problems.push(`${where} changed since preview (its sha256 differs from the one in the plan): run pulumi up again to review the new file`);
      continue;
    }
    const base64 = bytes.toString("base64");
    const target = file as Record<string, unknown>;
    delete target.document;
    // The vendor's own example writes the suffix as the media subtype (data:image/jpg;base64,…).
    target.fileContent = format === "dataUri" ? `data:image/${String(file.fileSuffix)};base64,${base64}` : base64;
  }
  return { body: copy, problems };
}
