/** The preview side of `documentFile()`: check's rules for each file a body refers to. */
import { type CheckFailure, formatPath } from "../schema/check";
import { sha256Hex } from "../signing/signer";
import { documentBytesProblem } from "./file-type";
import { findDocuments, readDocument } from "./references";

/**
 * check's file rules: the file exists, is a JPEG or PNG matching fileSuffix, at most 5 MB, and is the file the program
 * read.
 */
export async function documentFailures(body: unknown): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  for (const { at, file } of findDocuments(body)) {
    const where = formatPath([...at, "document"]);
    const fail = (problem: string) =>
      failures.push({ property: String(at[0]), reason: `${where}: ${file.document.path} ${problem} (证件文件)` });
    const bytes = await readDocument(file.document);
    if (!Buffer.isBuffer(bytes)) {
      fail(bytes.problem);
      continue;
    }
    const problem = documentBytesProblem(bytes, file.fileSuffix);
    if (problem) fail(problem);
    else if (sha256Hex(bytes) !== file.document.sha256) fail("changed after the program read it: run again");
  }
  return failures;
}
