import assert from "node:assert/strict";
import { VolcengineError } from "../../provider/errors";
import { deliveryOf, parseRetryAfter, type RetryPolicy, retryReason, withRetries } from "../../provider/http/retry";

const policy: RetryPolicy = { maxAttempts: 5, deadlineMs: 10_000, baseDelayMs: 100, maxDelayMs: 300 };
const error = (details: Partial<ConstructorParameters<typeof VolcengineError>[0]>) =>
  new VolcengineError({ kind: "vendor", action: "A", code: "X", message: "m", ...details });

/** A clock that only moves when the retry loop sleeps. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    hooks: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 1,
    },
  };
}

describe("retry policy", () => {
  it("backs off exponentially with full jitter, capped, for at most maxAttempts", async () => {
    const time = fakeTime();
    let attempts = 0;
    await assert.rejects(
      withRetries(
        "A",
        true,
        policy,
        async () => {
          attempts++;
          throw error({ code: "InternalError", httpStatus: 500 });
        },
        time.hooks,
      ),
    );
    assert.equal(attempts, 5);
    assert.deepEqual(time.sleeps, [100, 200, 300, 300], "random() = 1 shows the ceiling: base·2^n capped at maxDelay");
    const jittered = fakeTime();
    await assert.rejects(
      withRetries(
        "A",
        true,
        policy,
        async () => {
          throw error({ code: "InternalError", httpStatus: 500 });
        },
        { ...jittered.hooks, random: () => 0.25 },
      ),
    );
    assert.deepEqual(jittered.sleeps, [25, 50, 75, 75]);
  });

  it("starts no retry that would end past the deadline", async () => {
    const time = fakeTime();
    let attempts = 0;
    await assert.rejects(
      withRetries(
        "A",
        true,
        { ...policy, deadlineMs: 350 },
        async () => {
          attempts++;
          throw error({ code: "InternalError", httpStatus: 500 });
        },
        time.hooks,
      ),
    );
    assert.equal(attempts, 3, "100 + 200 fit in 350 ms, a third wait of 300 does not");
  });

  it("a throttled attempt uses up no attempt, is not reported per request; the deadline ends the retries", async () => {
    let now = 0;
    const sleeps: number[] = [];
    const reported: string[] = [];
    let attempts = 0;
    const hooks = {
      now: () => now,
      sleep: async (ms: number) => void sleeps.push(ms),
      random: () => 1,
      onRetry: (notice: { error: VolcengineError }) => void reported.push(notice.error.code),
    };
    const failure = await withRetries(
      "A",
      false,
      { ...policy, maxAttempts: 2, deadlineMs: 1000 },
      async () => {
        attempts++;
        now += 100; // the rate control holds each attempt back for its turn
        throw error({ code: "FlowLimitExceeded", httpStatus: 429 });
      },
      hooks,
    ).catch((e: unknown) => e);
    assert.ok(failure instanceof VolcengineError);
    assert.equal(failure.code, "FlowLimitExceeded");
    assert.equal(attempts, 11, "retried until the deadline, past maxAttempts 2");
    assert.ok(
      sleeps.every((ms) => ms === 0),
      "no backoff of its own: the process's rate control paces it",
    );
    assert.deepEqual(reported, [], "the rate control reports the throttled spell, once");
  });

  it("a certificate the endpoint's CA does not sign is not sent and not retried", () => {
    const untrusted = error({ kind: "transport", code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    assert.equal(deliveryOf(untrusted), "not-sent");
    assert.equal(retryReason(untrusted, true), undefined);
  });

  it("waits at least Retry-After", async () => {
    const time = fakeTime();
    let attempts = 0;
    await withRetries(
      "A",
      true,
      policy,
      async () => {
        if (attempts++ === 0) throw error({ code: "FlowLimitExceeded", httpStatus: 429, retryAfterMs: 2000 });
        return "ok";
      },
      time.hooks,
    );
    assert.deepEqual(time.sleeps, [2000]);
  });

  it("repeats a non-repeatable call only when it never arrived or was throttled", () => {
    const cases: Array<[VolcengineError, string | undefined]> = [
      [error({ kind: "transport", code: "ECONNREFUSED" }), "the request never reached the server"],
      [error({ kind: "transport", code: "UND_ERR_CONNECT_TIMEOUT" }), "the request never reached the server"],
      [error({ code: "FlowLimitExceeded", httpStatus: 429 }), "throttled"],
      [error({ kind: "transport", code: "ECONNRESET" }), undefined],
      [error({ kind: "transport", code: "UND_ERR_HEADERS_TIMEOUT" }), undefined],
      [error({ code: "ServiceUnavailableTemp", httpStatus: 503 }), undefined],
      [error({ code: "InternalServiceTimeout", httpStatus: 504 }), undefined],
      [error({ kind: "response", code: "InvalidResponse", httpStatus: 200 }), undefined],
      [error({ code: "1999", httpStatus: 200 }), undefined],
      [error({ code: "SignatureDoesNotMatch", httpStatus: 401 }), undefined],
    ];
    for (const [failure, reason] of cases) assert.equal(retryReason(failure, false), reason, failure.code);
  });

  it("repeats a read after anything that is not a definite refusal", () => {
    assert.equal(retryReason(error({ kind: "transport", code: "ECONNRESET" }), true), "the call is safe to repeat");
    assert.equal(
      retryReason(error({ code: "InternalServiceTimeout", httpStatus: 504 }), true),
      "the call is safe to repeat",
    );
    assert.equal(retryReason(error({ code: "1999", httpStatus: 200 }), true), undefined);
    assert.equal(retryReason(error({ kind: "config", code: "MissingCredentials" }), true), undefined);
    assert.equal(deliveryOf(error({ code: "1001", httpStatus: 200 })), "refused");
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    assert.equal(parseRetryAfter("3"), 3000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6000);
    assert.equal(parseRetryAfter("soon"), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
});
