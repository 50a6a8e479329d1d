/**
 * One rate control per provider process and endpoint: every request waits here for its turn, and every answer is
 * recorded, so that when Volcengine throttles (FlowLimitExceeded / 429) the whole process slows down together
 * instead of 16 operations each retrying on their own.
 *
 * The model is the AWS SDKs' adaptive retry mode (@smithy/util-retry DefaultRateLimiter): no pacing until the first
 * throttle, then a token bucket whose fill rate drops by `beta` on a throttle and grows back along a CUBIC curve
 * towards the rate at which the throttle came, and past it to probe for more. Four changes, each because of how a
 * batch of `pulumi up` operations meets a per-second gateway limit:
 * - The rate to drop from is the answers that got through in the last second (goodput), not the send rate: in the
 *   first burst the send rate is many times what the gateway allows, and before the SDK's first half-second bucket
 *   closes it measures 0 and drops to the minimum rate.
 * - It slows down at most once per second, the gateway's window, as TCP reacts once per round trip: a refusal of a
 *   request sent less than a second after the last slow-down may be the gateway still counting the requests before
 *   it (refused ones count too), and says nothing about the new rate. The SDK multiplies by beta for each of the 16
 *   refusals in flight, and again for each request refused while the window drains.
 * - Waiters are served first come, first served, one token each; the SDK lets every waiter sleep the same delay
 *   and then all of them send at once.
 * - A paced process sends at most its rate within any one second (see pump), and drops to 0.9 of the goodput, not
 *   the SDK's 0.7: the goodput is what the gateway let through, measured, not a guess from the send rate, and 0.7
 *   of it kept 100 creates 1.37 times the floor (bench item 8; 1.15 times with these two).
 * After `quietMs` without a throttle the spell is over and reported so; pacing goes on, as in the SDK, its rate
 * growing with demand (at most twice the requests of the last second and those waiting), so a process that sends
 * little never waits.
 */

import { SETTINGS } from "../settings/table";

export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Calls back after `ms`; returns a cancel function. `keepAlive: false` must not hold the process open. */
  setTimer(callback: () => void, ms: number, keepAlive: boolean): () => void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => performance.now(),
  setTimer: (callback, ms, keepAlive) => {
    const timer = setTimeout(callback, ms);
    if (!keepAlive) timer.unref();
    return () => clearTimeout(timer);
  },
};

/** What the process prints: one notice when a throttled spell starts and one when it is over. */
export type ThrottleNotice =
  | { kind: "throttled"; host: string; requestsPerSecond: number }
  | { kind: "recovered"; host: string; refused: number; paced: number; seconds: number };

export interface RateControlOptions {
  /** Names the gateway in notices. */
  host: string;
  clock?: Clock;
  report?: (notice: ThrottleNotice) => void;
  /** The fill rate after a throttle, as a share of the goodput before it: CUBIC's multiplicative decrease. */
  beta?: number;
  /** CUBIC's C: how fast the rate grows back, in requests per second per second cubed. */
  scale?: number;
  /** The fill rate never drops below this many requests per second. */
  minRate?: number;
  /** The bucket holds this many seconds of tokens (at least one): small, as the gateway counts per second. */
  burstSeconds?: number;
  /** A spell is over after this long without a throttle. */
  quietMs?: number;
}

const WINDOW_MS = 1000;

export class RateControl {
  private readonly clock: Clock;
  private readonly beta: number;
  private readonly scale: number;
  private readonly minRate: number;
  private readonly burstSeconds: number;
  private readonly quietMs: number;

  private paced = false;
  private rate = 0;
  private tokens = 0;
  private lastRefill = 0;
  /** CUBIC state: the goodput when the last throttle came, when it came, and K (seconds to grow back to it). */
  private lastMaxRate = 0;
  private lastThrottle = 0;
  private growBackSeconds = 0;
  private lastDecrease = Number.NEGATIVE_INFINITY;

  private readonly waiting: Array<(sentAt: number) => void> = [];
  private cancelWake?: () => void;
  private readonly sends: number[] = [];
  private readonly accepted: number[] = [];
  private spell?: { started: number; lastThrottle: number; refused: number; paced: number; cancelEnd?: () => void };

  constructor(private readonly options: RateControlOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.beta = options.beta ?? 0.9;
    this.scale = options.scale ?? 0.4;
    this.minRate = options.minRate ?? 0.5;
    this.burstSeconds = options.burstSeconds ?? 0.1;
    this.quietMs = options.quietMs ?? 5000;
  }

  /** Who hears of throttled spells; the provider sets it once per call, with the same printer every time. */
  set report(report: ((notice: ThrottleNotice) => void) | undefined) {
    this.options.report = report;
  }

  /** The requests per second the process is held to, or undefined when it is not paced. */
  get requestsPerSecond(): number | undefined {
    return this.paced ? this.rate : undefined;
  }

  /** Resolves when this request may go out; the value is its send time, to give back to `record`. */
  async acquire(): Promise<number> {
    if (this.paced || this.waiting.length > 0) {
      if (this.spell) this.spell.paced += 1;
      return new Promise<number>((resolve) => {
        this.waiting.push(resolve);
        this.pump();
      });
    }
    const now = this.clock.now();
    this.sends.push(now);
    return now;
  }

  /** Records the answer to a request sent at `sentAt`; transport failures, which carry no answer, are not recorded. */
  record(sentAt: number, answer: { throttled: boolean }): void {
    const now = this.clock.now();
    prune(this.sends, now);
    prune(this.accepted, now);
    if (!answer.throttled) {
      this.accepted.push(now);
      // Grow along the cubic, but not past twice what the process sends and waits to send: a rate nobody uses
      // proves nothing.
      if (this.paced) this.setRate(Math.min(this.cubic(now), 2 * (this.sends.length + this.waiting.length)), now);
      return;
    }
    this.noteThrottle(now);
    if (this.paced && sentAt < this.lastDecrease + WINDOW_MS) return;
    const goodput = this.accepted.length;
    // Nothing got through in the last second at the current rate: it is too fast, whatever it was.
    this.lastMaxRate = goodput > 0 ? goodput : this.paced ? this.rate : this.minRate;
    this.lastThrottle = now;
    this.lastDecrease = now;
    this.growBackSeconds = Math.cbrt((this.lastMaxRate * (1 - this.beta)) / this.scale);
    if (!this.paced) {
      this.paced = true;
      this.tokens = 0;
      this.lastRefill = now;
    }
    this.setRate(this.lastMaxRate * this.beta, now);
    if (this.spell && this.spell.refused === 1) {
      this.options.report?.({ kind: "throttled", host: this.options.host, requestsPerSecond: round(this.rate) });
    }
  }

  private cubic(now: number): number {
    const t = (now - this.lastThrottle) / 1000 - this.growBackSeconds;
    return this.scale * t ** 3 + this.lastMaxRate;
  }

  private setRate(rate: number, now: number): void {
    this.refill(now);
    this.rate = Math.max(rate, this.minRate);
    this.tokens = Math.min(this.tokens, this.capacity());
    // A pending wake-up was computed for the old rate.
    this.cancelWake?.();
    this.cancelWake = undefined;
    this.pump();
  }

  private capacity(): number {
    return Math.max(1, this.rate * this.burstSeconds);
  }

  private refill(now: number): void {
    if (!this.paced) return;
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.lastRefill) / 1000) * this.rate);
    this.lastRefill = now;
  }

  /**
   * Lets out every waiter whose turn it is and sets one wake-up for the next. A paced process also never has more
   * than its rate in flight within one window, refused requests included as the gateway counts them: after the
   * first throttle the window still holds the unpaced burst, and a request sent into it is refused and counted
   * again, so the burst would keep the window full for as long as the pace fed it.
   */
  private pump(): void {
    if (this.cancelWake) return;
    const now = this.clock.now();
    this.refill(now);
    prune(this.sends, now);
    const perWindow = Math.max(1, Math.floor((this.rate * WINDOW_MS) / 1000));
    while (this.waiting.length > 0 && (!this.paced || (this.tokens >= 1 && this.sends.length < perWindow))) {
      if (this.paced) this.tokens -= 1;
      this.sends.push(now);
      this.waiting.shift()?.(now);
    }
    if (this.waiting.length === 0) return;
    const roomAt = this.sends.length < perWindow ? now : (this.sends[this.sends.length - perWindow] ?? now) + WINDOW_MS;
    const wait = Math.max(((1 - this.tokens) / this.rate) * 1000, roomAt - now);
    this.cancelWake = this.clock.setTimer(
      () => {
        this.cancelWake = undefined;
        this.pump();
      },
      Math.max(1, Math.ceil(wait)),
      true,
    );
  }

  private noteThrottle(now: number): void {
    this.spell ??= { started: now, lastThrottle: now, refused: 0, paced: 0 };
    const spell = this.spell;
    spell.refused += 1;
    spell.lastThrottle = now;
    spell.cancelEnd?.();
    spell.cancelEnd = this.clock.setTimer(() => this.endSpell(spell), this.quietMs, false);
  }

  private endSpell(spell: NonNullable<RateControl["spell"]>): void {
    if (this.spell !== spell) return;
    this.spell = undefined;
    const seconds = round((spell.lastThrottle - spell.started) / 1000);
    this.options.report?.({
      kind: "recovered",
      host: this.options.host,
      refused: spell.refused,
      paced: spell.paced,
      seconds,
    });
  }
}

/** Keeps the timestamps of the last second. */
function prune(times: number[], now: number): void {
  let stale = 0;
  while (stale < times.length && (times[stale] ?? now) <= now - WINDOW_MS) stale++;
  if (stale > 0) times.splice(0, stale);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The diagnostic line for a notice: what happened, what the provider does about it, what was not lost. */
export function describeThrottleNotice(notice: ThrottleNotice): string {
  if (notice.kind === "throttled") {
    return (
      `${notice.host} is throttling requests (FlowLimitExceeded, HTTP 429): all calls of this process now share ` +
      `${notice.requestsPerSecond} requests per second, speeding up again gradually. Refused requests were not ` +
      `carried out, so they are retried, filings included, until ${SETTINGS.retryDeadlineSeconds.config} runs out`
    );
  }
  return (
    `${notice.host} stopped throttling: ${notice.refused} refused requests were retried and ${notice.paced} waited ` +
    `for their turn, over ${notice.seconds} s of throttling; the pace keeps growing with demand`
  );
}
