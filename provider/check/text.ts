/**
 * Rules for text the provider sends. A name is shown to a human reviewer and printed back in consoles and logs, so
 * characters that are invisible there, or that reorder or rewrite what is around them, are refused rather than sent.
 */

/**
 * C0 controls (NUL, ESC, line breaks), DEL and C1 controls: a terminal acts on them instead of showing them. Unicode's
 * category Cc is exactly these, U+0000–U+001F and U+007F–U+009F.
 */
const CONTROL = /\p{Cc}/u;

/** Bidirectional embeddings, overrides, isolates and marks: they make text read differently from what it holds. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Half of a surrogate pair: not encodable as UTF-8, so the vendor would receive U+FFFD instead. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Characters that show nothing on their own: whitespace, format characters, marks, fillers and blank patterns. */
const INVISIBLE = /[\s\p{Z}\p{Cf}\p{M}\u115f\u1160\u3164\uffa0\u2800]/gu;

/** What is wrong with any text field (an identifier, a date, a URL, a path), or undefined. */
export function textProblem(value: string): string | undefined {
  if (CONTROL.test(value)) return "must not contain control characters (U+0000–U+001F, U+007F–U+009F)";
  if (BIDI.test(value)) {
    return "must not contain bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)";
  }
  if (LONE_SURROGATE.test(value)) return "must be valid Unicode (it holds half of a surrogate pair)";
  return undefined;
}

/**
 * What is wrong with a name (of a qualification, a company, a person or a signature; a URL), or undefined. Leading and
 * trailing whitespace is refused, not trimmed: what preview checks is exactly what is sent, and the vendor counts it.
 */
export function nameProblem(value: string): string | undefined {
  const problem = textProblem(value);
  if (problem) return problem;
  if (value.replace(INVISIBLE, "") === "") {
    return value === "" ? "must not be empty" : "must contain a visible character (it holds only blank ones)";
  }
  if (value !== value.trim()) return "must not start or end with whitespace";
  return undefined;
}
