/** RFC 3986 encoding as Volcengine's signer expects: only A-Z a-z 0-9 - _ . ~ stay unescaped. */
export function uriEncode(value: string): string {
  // encodeURIComponent leaves !'()* unescaped; RFC 3986 reserves them.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export type QueryParams = Record<string, string | readonly string[]>;

/** Keys sorted by code unit, each `key=value` encoded; repeated keys keep their values sorted too. */
export function canonicalQuery(query: QueryParams): string {
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(query)) {
    const values = typeof value === "string" ? [value] : [...value];
    for (const v of values) pairs.push([uriEncode(key), uriEncode(v)]);
  }
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}
