/**
 * The line a refresh prints when it reads a review state other than the one in the state. Pulumi diffs a refresh
 * against the program's inputs, so a changed output (`reviewStatus`, `usable`) shows nowhere else: this line is how a
 * user of the real CLI learns that a reviewer decided, days after `pulumi up`.
 */
import type { Review } from "./status";

/**
 * `reviewing → approved`, `reviewing → rejected: <reason>`, `usable false → true`, or undefined when nothing a user
 * acts on changed. A state the account cannot tell (`unknown`) is no news.
 */
export function reviewTransition(before: Review | undefined, after: Review): string | undefined {
  if (after.reviewStatus === "unknown") return undefined;
  const was = before?.reviewStatus ?? "unknown";
  const reason = after.reviewStatus === "rejected" ? `: ${after.reviewOpinion || "no reason given"}` : "";
  if (was !== after.reviewStatus) return `${was} → ${after.reviewStatus}${reason}`;
  if (before !== undefined && before.usable !== after.usable) return `usable ${before.usable} → ${after.usable}`;
  return undefined;
}

/**
 * One line naming the object (`SmsSignatureIdent: qualification 9007… "示例"`), old → new and what to do next, or
 * undefined when the review did not change.
 */
export function reviewChangeLine(
  subject: string,
  before: Review | undefined,
  after: Review,
  nextStep: (after: Review) => string,
): string | undefined {
  const transition = reviewTransition(before, after);
  return transition === undefined ? undefined : `${subject}: ${transition}. Next: ${nextStep(after)}`;
}
