import assert from "node:assert/strict";
import { reviewAfterFiling } from "../../provider/review/after-filing";
import { reviewChangeLine, reviewTransition } from "../../provider/review/notice";
import { type Review, storedReview, UNKNOWN_REVIEW } from "../../provider/review/status";
import { MAX_POLL_MS, waitForReview } from "../../provider/review/wait";

const review = (reviewStatus: Review["reviewStatus"], extra: Partial<Review> = {}): Review => ({
  ...UNKNOWN_REVIEW,
  reviewStatus,
  approved: reviewStatus === "approved",
  usable: reviewStatus === "approved",
  ...extra,
});

/** A clock that moves only when the code under test sleeps. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe("review: waiting for the outcome (injected clock, no real timers)", () => {
  it("backs off by half each time up to five minutes and ends at the outcome", async () => {
    const clock = fakeClock();
    const statuses: Review["reviewStatus"][] = [...Array<"reviewing">(12).fill("reviewing"), "approved"];
    const outcome = await waitForReview({
      timeoutMs: 86_400_000,
      pollMs: 30_000,
      lookUp: async () => ({ review: review(statuses.shift() ?? "approved") }),
      progress: () => undefined,
      ...clock,
    });
    assert.equal(outcome.timedOut, false);
    assert.equal(outcome.result.review.reviewStatus, "approved");
    assert.deepEqual(clock.sleeps.slice(0, 3), [30_000, 45_000, 67_500]);
    assert.equal(Math.max(...clock.sleeps), MAX_POLL_MS);
  });

  it("stops at the timeout with the last status, sleeping no further than the timeout", async () => {
    const clock = fakeClock();
    const progress: string[] = [];
    const outcome = await waitForReview({
      timeoutMs: 100_000,
      pollMs: 30_000,
      lookUp: async () => ({ review: review("reviewing") }),
      progress: (line) => progress.push(line),
      ...clock,
    });
    assert.equal(outcome.timedOut, true);
    assert.equal(outcome.waitedMs, 100_000);
    assert.equal(
      clock.sleeps.reduce((a, b) => a + b, 0),
      100_000,
    );
    assert.equal(progress.length, 2, "a line at the start and one a minute later, not one per poll");
  });

  it("after filing: reviewing without a request, or what the wait saw, or unknown when it cannot read", async () => {
    const lines: string[] = [];
    const base = {
      subject: "SmsX: thing 1",
      kind: "thing",
      justFiled: { review: review("reviewing") },
      unknown: { review: UNKNOWN_REVIEW },
      warn: (line: string) => lines.push(line),
      rejected: (r: Review) => `rejected: ${r.reviewOpinion}`,
      ...fakeClock(),
    };
    let asked = 0;
    const lookUp = async () => {
      asked++;
      return { review: review("rejected", { reviewOpinion: "模糊" }) };
    };
    assert.equal((await reviewAfterFiling({ ...base, wait: undefined, lookUp })).review.reviewStatus, "reviewing");
    assert.equal(asked, 0);
    const waited = await reviewAfterFiling({ ...base, wait: { timeoutSeconds: 60 }, lookUp });
    assert.equal(waited.review.reviewStatus, "rejected");
    assert.ok(lines.includes("rejected: 模糊"));
    const failing = async () => {
      throw new Error("no route");
    };
    const unknown = await reviewAfterFiling({ ...base, wait: { timeoutSeconds: 60 }, lookUp: failing });
    assert.equal(unknown.review.reviewStatus, "unknown");
    assert.match(lines.at(-1) ?? "", /SmsX: thing 1 was filed, but its review status could not be read \(no route\)/);
  });
});

describe("review: the line a refresh prints when the review moved on", () => {
  it("names old → new, with the reason of a rejection, or a change of usable", () => {
    assert.equal(reviewTransition(review("reviewing"), review("approved")), "reviewing → approved");
    assert.equal(
      reviewTransition(review("reviewing"), review("rejected", { reviewOpinion: "执照过期" })),
      "reviewing → rejected: 执照过期",
    );
    assert.equal(reviewTransition(review("approved"), review("approved", { usable: false })), "usable true → false");
    assert.equal(reviewTransition(undefined, review("closed")), "unknown → closed", "a state of an older release");
  });

  it("says nothing when nothing a user acts on changed, or when the account cannot tell", () => {
    assert.equal(reviewTransition(review("reviewing"), review("reviewing")), undefined);
    assert.equal(reviewTransition(review("reviewing"), UNKNOWN_REVIEW), undefined);
    const next = () => "do this";
    assert.equal(reviewChangeLine("S: q 1", review("approved"), review("approved"), next), undefined);
    assert.equal(
      reviewChangeLine("S: q 1", review("reviewing"), review("approved"), next),
      "S: q 1: reviewing → approved. Next: do this",
    );
  });

  it("reads the stored review outputs, and none from a state that has none", () => {
    assert.equal(storedReview({ materialName: "x" }), undefined);
    assert.deepEqual(storedReview({ reviewStatus: "approved", usable: true, approved: true }), {
      ...UNKNOWN_REVIEW,
      reviewStatus: "approved",
      usable: true,
      approved: true,
    });
  });
});
