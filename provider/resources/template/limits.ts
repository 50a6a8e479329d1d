/**
 * Every limit `pulumi preview` enforces on a template, in one place, each with its reason. The vendor documents none:
 * these are bounds well above what a real template needs, so a runaway value fails in preview, not at review.
 */
export const MAX_TEXT_CHARS = {
  name: 30,
  /** A long SMS is split by the carriers; 500 characters is the most the console takes. */
  content: 500,
  desc: 500,
  variable: 20,
  exampleValue: 100,
  subAccount: 64,
} as const;

export const MAX_LIST_ITEMS = {
  /** A second-level template and a review per signature. */
  signatures: 100,
  subAccounts: 100,
  templateParams: 20,
} as const;

/** What the carriers require at the end of a marketing SMS: how to refuse more. */
export const MARKETING_OPT_OUT = "拒收请回复R";
