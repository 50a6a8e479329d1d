// A per-second request limit for scale tests (FlowLimitExceeded, as the gateway throttles), and the
// counters they read back: requests per action, how many the limit refused, how many filings succeeded.

export interface TrafficCounters {
  /** API requests received, by their Action query parameter ("" when absent); refused ones included. */
  received: Record<string, number>;
  /** Requests refused with FlowLimitExceeded by the limit (injected throttle faults not included). */
  throttled: number;
  /** ApplySignatureIdent calls that created a qualification. */
  filed: number;
  /** TCP connections accepted (API and admin alike): how well clients reuse them. */
  connections: number;
}

const WINDOW_MS = 1000;

export class TrafficControl {
  private arrivals: number[] = [];
  private counters: TrafficCounters = { received: {}, throttled: 0, filed: 0, connections: 0 };

  /** perSecond null: no limit. */
  constructor(
    private perSecond: number | null,
    private readonly nowMs: () => number,
  ) {}

  get limitPerSecond(): number | null {
    return this.perSecond;
  }

  setLimit(perSecond: number | null): void {
    this.perSecond = perSecond;
  }

  /**
   * Counts one arriving request and says whether the limit lets it through: at most perSecond requests
   * in any one-second window. Refused requests count too, so a client that keeps hammering stays refused.
   */
  admit(action: string): boolean {
    this.counters.received[action] = (this.counters.received[action] ?? 0) + 1;
    const now = this.nowMs();
    this.arrivals = this.arrivals.filter((at) => at > now - WINDOW_MS);
    this.arrivals.push(now);
    if (this.perSecond === null || this.arrivals.length <= this.perSecond) return true;
    this.counters.throttled += 1;
    return false;
  }

  countConnection(): void {
    this.counters.connections += 1;
  }

  countFiling(): void {
    this.counters.filed += 1;
  }

  snapshot(): TrafficCounters {
    return { ...this.counters, received: { ...this.counters.received } };
  }

  resetCounters(): void {
    this.counters = { received: {}, throttled: 0, filed: 0, connections: 0 };
  }
}
