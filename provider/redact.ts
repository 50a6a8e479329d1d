/**
 * The one redaction step every error, warning and log line goes through. The inputs carry ID numbers, mobiles and
 * scans of real people (PIPL), and requests carry keys and signatures: none may reach a terminal,
 * a CI log or the state file. It also makes what it returns safe to print (see `neutralise`).
 */

const PATTERNS: Array<[RegExp, string]> = [
  [
    /HMAC-SHA256 Credential=[^\s,]+(?:,\s*SignedHeaders=[^\s,]+)?(?:,\s*Signature=[0-9a-fA-F]+)?/g,
    "HMAC-SHA256 [redacted authorization]",
  ],
  [/(authorization|x-security-token)(["']?\s*[:=]\s*["']?)[^"'\r\n,}]+/gi, "$1$2[redacted]"],
  [/Signature=[0-9a-fA-F]{16,}/g, "Signature=[redacted]"],
  [/\bAK(?:LT|AP)[A-Za-z0-9+/=_-]{16,}/g, "[redacted access key]"],
  [/data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/=]*/g, "[redacted file content]"],
  [/[A-Za-z0-9+/]{80,}={0,2}/g, "[redacted base64]"],
  // GB 11643 shape: region, a birth date in 1800–2099, sequence, check character.
  [
    /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g,
    "[redacted ID number]",
  ],
  [/(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/g, "[redacted mobile]"],
];

/** Replaces every credential, signature, ID number, mobile and file content in `text`, plus the given values. */
export function redact(text: string, knownSecrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of knownSecrets) {
    // Short values (a 1-digit token) would shred unrelated text; real secrets are long.
    if (secret && secret.length >= 6) result = result.split(secret).join("[redacted]");
  }
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return neutralise(result);
}

/**
 * Controls (Cc: ESC, CR, NUL…), format characters (Cf: bidi overrides and isolates, zero-width ones), line and
 * paragraph separators and lone surrogates. Written to a terminal or a CI log they clear the screen, rewrite a line or
 * reverse what follows, so text that came from the inputs (a file name, a misspelt key, a name in state) could forge
 * what a user reads.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

/** `text` with each unprintable character written as a visible escape: ESC becomes `\u{1b}`, RLO `\u{202e}`. */
export function neutralise(text: string): string {
  return text.replace(UNPRINTABLE, (character) => `\\u{${(character.codePointAt(0) as number).toString(16)}}`);
}

/**
 * The values of a request body's personal fields (each resource names its own: ID numbers, mobiles, file contents),
 * to keep out of messages even if the vendor echoes them.
 */
export function personalValuesOf(value: unknown, personalKeys: readonly string[], into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) personalValuesOf(item, personalKeys, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (personalKeys.includes(key) && typeof item === "string") into.push(item);
      else personalValuesOf(item, personalKeys, into);
    }
  }
  return into;
}
