/**
 * Check-digit rules for Chinese identifiers. A wrong digit is caught here, in preview, instead of days
 * later by the vendor's human review.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = "10X98765432";

export type IdentifierProblem = string;

/** GB 11643-1999 citizen identity number: 17 digits, a birth date, then the ISO 7064 MOD 11-2 check character. */
export function mainlandIdCardProblem(value: string): IdentifierProblem | undefined {
  if (value.length !== 18) return "must be 18 characters (GB 11643 居民身份证号码)";
  if (!/^\d{17}[\dX]$/.test(value)) return "must be 17 digits followed by a digit or X (GB 11643)";
  if (!isCalendarDate(`${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`)) {
    return "characters 7–14 must be a real birth date (GB 11643)";
  }
  let sum = 0;
  for (const [i, weight] of ID_WEIGHTS.entries()) sum += Number(value.charAt(i)) * weight;
  if (ID_CHECK_CHARACTERS[sum % 11] !== value[17]) return "check digit does not match (GB 11643): a digit is mistyped";
  return undefined;
}

const CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 unified social credit code: 18 characters of a 31-symbol alphabet, the last a MOD 31 check. */
export function socialCreditCodeProblem(value: string): IdentifierProblem | undefined {
  if (value.length !== 18) return "must be 18 characters (GB 32100 统一社会信用代码)";
  if (![...value].every((c) => CREDIT_CODE_CHARACTERS.includes(c))) {
    return "must use digits and upper-case letters other than I, O, Z, S, V (GB 32100)";
  }
  let sum = 0;
  for (const [i, weight] of CREDIT_CODE_WEIGHTS.entries())
    sum += CREDIT_CODE_CHARACTERS.indexOf(value.charAt(i)) * weight;
  const expected = CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31];
  if (expected !== value[17]) return "check character does not match (GB 32100): a character is mistyped";
  return undefined;
}

/** Mainland mobile numbers: 11 digits starting 13–19, without country code or separators. */
export function mainlandMobileProblem(value: string): IdentifierProblem | undefined {
  if (!/^1[3-9]\d{9}$/.test(value))
    return "must be a mainland mobile number: 11 digits starting with 13–19, no +86 or spaces";
  return undefined;
}

/** `YYYY-MM-DD` naming a day that exists (no 2023-02-29). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
