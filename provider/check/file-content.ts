const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+);base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface DecodedFileContent {
  /** Media type of a data URI (`image/png`), absent for raw base64. */
  mediaType?: string;
  base64: string;
  decodedBytes: number;
}

/** Splits a data URI or raw base64 and measures it without decoding (bodies hold several 5 MB scans). */
export function inspectFileContent(value: string): DecodedFileContent | { problem: string } {
  const dataUri = DATA_URI.exec(value);
  const base64 = dataUri ? value.slice(dataUri[0].length) : value;
  if (base64.length === 0) return { problem: "is empty" };
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) {
    return {
      problem: "must be base64 (A–Z a–z 0–9 + /, padded with =, no line breaks) or a data URI data:image/png;base64,…",
    };
  }
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return { mediaType: dataUri?.[1], base64, decodedBytes: (base64.length / 4) * 3 - padding };
}
