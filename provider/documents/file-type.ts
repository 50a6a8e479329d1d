import { MAX_FILE_BYTES } from "../check/limits";

export type ImageType = "jpeg" | "png";

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

/** The image type by its magic bytes, not its name. */
export function imageTypeOf(bytes: Buffer): ImageType | undefined {
  if (bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return "png";
  if (bytes.subarray(0, JPEG_MAGIC.length).equals(JPEG_MAGIC)) return "jpeg";
  return undefined;
}

export function suffixMatches(suffix: unknown, type: ImageType): boolean {
  return type === "png" ? suffix === "png" : suffix === "jpg" || suffix === "jpeg";
}

/** What is wrong with a document's bytes for the vendor, or undefined. */
export function documentBytesProblem(bytes: Buffer, suffix: unknown): string | undefined {
  if (bytes.length > MAX_FILE_BYTES) return `is ${bytes.length} bytes; at most ${MAX_FILE_BYTES} (5 MB)`;
  const type = imageTypeOf(bytes);
  if (type === undefined) return "is not a JPEG or PNG image (judged by its first bytes, not its name)";
  if (!suffixMatches(suffix, type))
    return `is a ${type === "png" ? "PNG" : "JPEG"} image but fileSuffix says ${String(suffix)}`;
  return undefined;
}
