/**
 * The review state a create records: "reviewing" at once (a new filing is always under review, and asking would cost a
 * request per create), or what a bounded wait saw when the program set `waitForApproval`. Nothing here fails the
 * create: the object exists once filed, and a failed create would lose its id from the state.
 */
import type { Review } from "./status";
import { duration, type WaitForApproval, waitForReview } from "./wait";

export const DEFAULT_POLL_SECONDS = 30;

export interface AfterFiling<T extends { review: Review }> {
  wait: WaitForApproval | undefined;
  /** Names the object in each line: `SmsSignatureIdent: qualification 9007… "示例"`. */
  subject: string;
  /** What the object is called in a sentence: "qualification", "signature". */
  kind: string;
  /** Recorded without asking when there is no wait. */
  justFiled: T;
  /** Recorded when the status could not be read. */
  unknown: T;
  lookUp: () => Promise<T>;
  warn: (line: string) => void;
  /** The line for a rejection, with the reason and what to do. */
  rejected: (review: Review) => string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export async function reviewAfterFiling<T extends { review: Review }>(options: AfterFiling<T>): Promise<T> {
  const { wait, subject, warn } = options;
  if (!wait) return options.justFiled;
  try {
    warn(`${subject} filed; waiting up to ${duration(wait.timeoutSeconds * 1000)} for its review`);
    const outcome = await waitForReview({
      timeoutMs: wait.timeoutSeconds * 1000,
      pollMs: (wait.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000,
      lookUp: options.lookUp,
      progress: (message) => warn(`${subject}: ${message}`),
      now: options.now,
      sleep: options.sleep,
    });
    const { review } = outcome.result;
    if (outcome.timedOut) {
      warn(
        `${subject} is still ${review.reviewStatus} after ${duration(outcome.waitedMs)}: the wait ended, the ` +
          `${options.kind} is recorded and its review goes on; run pulumi refresh later to see the outcome`,
      );
    } else if (review.reviewStatus === "rejected") {
      warn(options.rejected(review));
    } else {
      warn(`${subject} is ${review.reviewStatus} after ${duration(outcome.waitedMs)}`);
    }
    return outcome.result;
  } catch (error) {
    // warn() redacts whatever the error says.
    const reason = error instanceof Error ? error.message : String(error);
    warn(
      `${subject} was filed, but its review status could not be read (${reason}); it is recorded in the state: run ` +
        "pulumi refresh later",
    );
    return options.unknown;
  }
}
