export interface CanonicalHeaders {
  /** `name:value\n` per signed header, sorted by lower-case name. */
  block: string;
  /** The signed header names joined with `;`. */
  signedHeaders: string;
}

/**
 * Canonicalises the headers to sign. Names are lower-cased, values trimmed and inner runs of
 * whitespace folded, as the vendor's signers do, so a proxy that re-folds a header keeps it valid.
 */
export function canonicalHeaders(headers: Record<string, string>): CanonicalHeaders {
  const normalised = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase().trim();
    if (normalised.has(key)) throw new Error(`header "${key}" given twice`);
    normalised.set(key, value.trim().replace(/\s+/g, " "));
  }
  const names = [...normalised.keys()].sort();
  return {
    block: names.map((n) => `${n}:${normalised.get(n)}\n`).join(""),
    signedHeaders: names.join(";"),
  };
}
