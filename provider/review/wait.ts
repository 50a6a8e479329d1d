/**
 * Waiting after filing for the review's outcome, for programs that set `waitForApproval`. A review by people takes
 * days: the wait is bounded, and its end, whatever it is, never fails the create (the object exists by then, and a
 * failed create would lose its id from the state).
 */
import { isFinal, type Review } from "./status";

/** How long `pulumi up` waits after filing for the review's outcome. */
export interface WaitForApproval {
  /** At most 86,400 (a day): a review takes days, and a deployment should not. */
  timeoutSeconds: number;
  /** The first interval between status checks (default 30); later ones grow by half up to five minutes. */
  pollSeconds?: number;
}

export interface WaitOptions<T extends { review: Review }> {
  timeoutMs: number;
  /** The first interval; each later one is half as long again, up to MAX_POLL_MS. */
  pollMs: number;
  lookUp: () => Promise<T>;
  /** A line now and then, so a long wait shows it is alive. */
  progress: (message: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface WaitOutcome<T> {
  result: T;
  timedOut: boolean;
  waitedMs: number;
}

export const MAX_POLL_MS = 300_000;
export const PROGRESS_EVERY_MS = 60_000;

export async function waitForReview<T extends { review: Review }>(options: WaitOptions<T>): Promise<WaitOutcome<T>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  let interval = options.pollMs;
  let lastProgress = Number.NEGATIVE_INFINITY;
  for (;;) {
    const result = await options.lookUp();
    const waitedMs = now() - started;
    if (isFinal(result.review.reviewStatus)) return { result, timedOut: false, waitedMs };
    if (waitedMs >= options.timeoutMs) return { result, timedOut: true, waitedMs };
    if (now() - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now();
      options.progress(
        `still ${result.review.reviewStatus} after ${duration(waitedMs)}; waiting up to ${duration(options.timeoutMs)}`,
      );
    }
    await sleep(Math.min(interval, options.timeoutMs - waitedMs));
    interval = Math.min(interval * 1.5, Math.max(options.pollMs, MAX_POLL_MS));
  }
}

export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
