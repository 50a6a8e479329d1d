/** The create side of `documentFile()`: each file read again, verified, and written into the body that is sent. */
import { randomUUID } from "node:crypto";
import { formatPath } from "../check/failures";
import { stringifyJson } from "../http/json";
import { digestVerdict, findDocuments, readDocument } from "./references";

export type FileContentFormat = "dataUri" | "base64";

/** A file to send: the placeholder its `fileContent` holds in the body until the JSON is written, and its bytes. */
interface InlineFile {
  placeholder: string;
  /** What comes before the base64 in `fileContent`: the data URI's head, or nothing. */
  prefix: string;
  bytes: Buffer;
}

/**
 * The body to send, as UTF-8 JSON: each file reference replaced by the file's content, read now and verified against
 * the digest the program recorded, so the vendor receives exactly the file that preview showed.
 *
 * The bytes are exactly `JSON.stringify` of the body with `fileContent` in place of `document` (bigint values, an
 * int64 id, written as number tokens), but the files' base64 is written straight into the one buffer that is sent.
 * Built the obvious way (a data URI string per file, JSON.stringify, then Buffer.from), every scan was copied four
 * times, twice at two bytes per character (the Chinese field values make the whole JSON string two-byte): a create
 * with a 20 MB body peaked at 9× its size.
 */
export async function inlineDocuments(
  body: unknown,
  format: FileContentFormat,
): Promise<{ json: Buffer; problems: string[] }> {
  const copy = structuredClone(body);
  const problems: string[] = [];
  const files: InlineFile[] = [];
  // A placeholder no input can contain, so the JSON text can be cut at each one.
  const marker = `volcengine-sms-document-${randomUUID()}-`;
  for (const { at, file } of findDocuments(copy)) {
    const bytes = readDocument(file.document);
    const where = `${formatPath([...at, "document"])}: ${file.document.path}`;
    if (!Buffer.isBuffer(bytes)) {
      problems.push(`${where} ${bytes.problem}`);
      continue;
    }
    const verdict = digestVerdict(file.document, bytes);
    if (verdict !== "same") {
      problems.push(
        verdict === "unread"
          ? `${where} could not be read when the program ran (documentFile() recorded no digest): run pulumi up again`
          : `${where} changed since preview (its sha256 differs from the one in the plan): run pulumi up again to ` +
              "review the new file",
      );
      continue;
    }
    const target = file as Record<string, unknown>;
    delete target.document;
    const placeholder = `${marker}${files.length}`;
    target.fileContent = placeholder;
    // The vendor's own example writes the suffix as the media subtype (data:image/jpg;base64,…).
    files.push({
      placeholder,
      prefix: format === "dataUri" ? `data:image/${String(file.fileSuffix)};base64,` : "",
      bytes,
    });
  }
  if (problems.length > 0) return { json: Buffer.alloc(0), problems };
  return { json: jsonWithFiles(stringifyJson(copy), files), problems };
}

/** `text` with each file's placeholder string replaced by the JSON string of its prefix and base64, as UTF-8. */
function jsonWithFiles(text: string, files: readonly InlineFile[]): Buffer {
  const found = files.map((file) => {
    const token = JSON.stringify(file.placeholder);
    return { file, token, at: text.indexOf(token) };
  });
  if (found.some(({ at }) => at < 0)) throw new Error("a document's placeholder is missing from the request body");
  found.sort((a, b) => a.at - b.at);
  // The text between the placeholders, and in their place the opening quote and the prefix, escaped as JSON.stringify
  // escapes it (base64 itself never needs escaping), the base64, the closing quote.
  const segments: string[] = [];
  let from = 0;
  for (const { token, at } of found) {
    segments.push(text.slice(from, at));
    from = at + token.length;
  }
  segments.push(text.slice(from));
  const [first = "", ...rest] = segments;
  // Each file with its head and the text that follows it up to the next file.
  const pieces = found.map(({ file }, i) => ({
    bytes: file.bytes,
    head: JSON.stringify(file.prefix).slice(0, -1),
    after: rest[i] ?? "",
  }));

  let size = Buffer.byteLength(first, "utf8");
  for (const { bytes, head, after } of pieces) {
    size += Buffer.byteLength(head, "utf8") + 4 * Math.ceil(bytes.length / 3) + 1 + Buffer.byteLength(after, "utf8");
  }
  const json = Buffer.allocUnsafe(size);
  let offset = json.write(first, 0, "utf8");
  for (const { bytes, head, after } of pieces) {
    offset += json.write(head, offset, "utf8");
    offset = writeBase64(bytes, json, offset);
    offset += json.write('"', offset, "utf8");
    offset += json.write(after, offset, "utf8");
  }
  if (offset !== size) throw new Error(`the request body came out ${offset} bytes long instead of ${size}`);
  return json;
}

const BASE64_ALPHABET = Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", "latin1");

/**
 * Writes what `bytes.toString("base64")` gives into `out` at `offset` and returns the offset after it, without making
 * that string: strings of a 5 MB scan's base64, whole or in slices, are garbage the GC lets pile up to a body's size.
 */
function writeBase64(bytes: Buffer, out: Buffer, offset: number): number {
  const whole = bytes.length - (bytes.length % 3);
  let at = offset;
  // Every index is in range (i + 2 < whole, each sextet < 64): the casts only tell the compiler so.
  for (let i = 0; i < whole; i += 3) {
    const triple = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[at++] = BASE64_ALPHABET[triple >>> 18] as number;
    out[at++] = BASE64_ALPHABET[(triple >>> 12) & 63] as number;
    out[at++] = BASE64_ALPHABET[(triple >>> 6) & 63] as number;
    out[at++] = BASE64_ALPHABET[triple & 63] as number;
  }
  // The last one or two bytes and the padding, by Node's own encoder.
  return at + out.write(bytes.subarray(whole).toString("base64"), at, "latin1");
}
