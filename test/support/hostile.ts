/** Hostile values the property-based tests draw from, and what no printed line may contain. */
import fc from "fast-check";

/** Any raw control, format (bidi, zero-width) or separator character: nothing printed may carry one. */
export const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

/** Text mixing ordinary characters with every hostile class: controls, bidi controls, invisible and lone halves. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      ...["示", "a", "7", "-", " ", "\u3000", "[2J", "\u0000", "\u001b", "\u007f", "\u0085", "\u009b", "\r", "\n"],
      ...["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c"],
      ...["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u3164", "\u0301", "\ud800"],
    ),
    { minLength: 1, maxLength: 24 },
  )
  .map((parts) => parts.join(""));

/** Values a program or a hand-edited state could hold where a number goes. */
export const oddNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0.5, 2 ** 53 + 2),
  fc.integer({ min: -999, max: 999 }).map(String),
  fc.constantFrom("NaN", "Infinity", "1e3", "0x1", " 1", "110105194912310021"),
);
