/** The preview side of `documentFile()`: check's rules for each file a body refers to. */
import { type CheckFailure, capPerProperty, checkFailure, formatPath } from "../check/failures";
import { documentBytesProblem } from "./file-type";
import { digestVerdict, findDocuments, readDocument } from "./references";

/**
 * check's file rules: the file is a regular file of at most 5 MB, a JPEG or PNG matching fileSuffix, and the file the
 * program read. Files in a list longer than its maximum are not opened: check already refuses the list.
 */
export async function documentFailures(
  body: unknown,
  listMaximums: Readonly<Record<string, number>>,
): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  for (const { at, file } of findDocuments(body)) {
    if (inOverlongList(body, at, listMaximums)) continue;
    const where = formatPath([...at, "document"]);
    const fail = (problem: string) =>
      failures.push(checkFailure(String(at[0]), `${where}: ${file.document.path} ${problem} (证件文件)`));
    const bytes = readDocument(file.document);
    if (!Buffer.isBuffer(bytes)) {
      fail(bytes.problem);
      continue;
    }
    const problem = documentBytesProblem(bytes, file.fileSuffix);
    const verdict = digestVerdict(file.document, bytes);
    if (problem) fail(problem);
    else if (verdict === "unread")
      fail("could not be read when the program ran (documentFile() recorded no digest), but can now: run again");
    else if (verdict === "changed") fail("changed after the program read it: run again");
  }
  return capPerProperty(failures);
}

/** True when a list on the path to a document holds more items than its maximum (by the list's property name). */
function inOverlongList(
  body: unknown,
  at: readonly PropertyKey[],
  listMaximums: Readonly<Record<string, number>>,
): boolean {
  let holder = body;
  for (const segment of at) {
    if (holder === null || typeof holder !== "object") return false;
    const value = (holder as Record<PropertyKey, unknown>)[segment];
    const maximum =
      typeof segment === "string" && Object.hasOwn(listMaximums, segment) ? listMaximums[segment] : undefined;
    if (maximum !== undefined && Array.isArray(value) && value.length > maximum) return true;
    holder = value;
  }
  return false;
}
