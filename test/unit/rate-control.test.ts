import assert from "node:assert/strict";
import { type Clock, RateControl, type ThrottleNotice } from "../../provider/http/rate-control";

/** Virtual time: timers run in order of their due time, and time jumps to each; promises settle in between. */
class VirtualTime implements Clock {
  private time = 0;
  private timers: Array<{ at: number; callback: () => void; seq: number }> = [];
  private seq = 0;
  now = () => this.time;
  setTimer = (callback: () => void, ms: number) => {
    const timer = { at: this.time + ms, callback, seq: this.seq++ };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(resolve, ms));
  }
  /** Runs timers until `done` settles. */
  async run<T>(done: Promise<T>): Promise<T> {
    let settled = false;
    done.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      for (let i = 0; i < 20; i++) await Promise.resolve();
      if (settled) return done;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error("nothing left to run, and the work is not done");
      this.time = Math.max(this.time, next.at);
      next.callback();
    }
  }
}

/** The emulator's limit: at most `perSecond` arrivals in any one-second window, refused ones included. */
function slidingWindowGateway(perSecond: number, clock: Clock) {
  const arrivals: number[] = [];
  return (): boolean => {
    const now = clock.now();
    while (arrivals.length > 0 && arrivals[0]! <= now - 1000) arrivals.shift();
    arrivals.push(now);
    return arrivals.length <= perSecond;
  };
}

/** `total` operations, `inFlight` at a time, each retried while throttled, through one rate control. */
async function batch(time: VirtualTime, control: RateControl, admit: () => boolean, total: number, inFlight: number) {
  let next = 0;
  let requests = 0;
  let refused = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      for (;;) {
        const sentAt = await control.acquire();
        requests++;
        const admitted = admit();
        await time.sleep(5); // a round trip
        control.record(sentAt, { throttled: !admitted });
        if (admitted) break;
        refused++;
      }
    }
  };
  await time.run(Promise.all(Array.from({ length: inFlight }, worker)));
  return { requests, refused, seconds: time.now() / 1000 };
}

describe("rate control (virtual time)", () => {
  it("sends unpaced until the first throttle", async () => {
    const time = new VirtualTime();
    const control = new RateControl({ host: "sms.test", clock: time });
    const result = await batch(time, control, () => true, 50, 16);
    assert.equal(result.requests, 50);
    assert.equal(control.requestsPerSecond, undefined);
    assert.ok(result.seconds < 0.1, `${result.seconds} s for 50 requests in rounds of 16`);
  });

  it("100 operations, 16 in flight, a 20/s gateway: all through, two notices, paced near the limit", async () => {
    const time = new VirtualTime();
    const notices: ThrottleNotice[] = [];
    const control = new RateControl({ host: "sms.test", clock: time, report: (n) => notices.push(n) });
    const result = await batch(time, control, slidingWindowGateway(20, time), 100, 16);
    assert.equal(result.requests - result.refused, 100);
    // The floor is 100 requests at 20/s; in virtual time nothing but the algorithm costs time.
    assert.ok(result.seconds <= 7.5, `took ${result.seconds} s of virtual time`);
    assert.equal(notices.length, 1, "one notice while throttled, not one per refused request");
    assert.equal(notices[0]!.kind, "throttled");
    // The first throttle comes after 20 answers got through in the last second: 0.9 of that.
    assert.deepEqual(notices[0], { kind: "throttled", host: "sms.test", requestsPerSecond: 18 });
    // Refused: those in flight when the first refusal came, and a probe or two past the limit; none sent into the
    // window the unpaced burst still fills (each would be refused, and counted, again).
    assert.ok(result.refused <= 16 + 4, `${result.refused} refused`);
    await time.run(time.sleep(6000));
    assert.equal(notices.length, 2);
    const recovered = notices[1];
    assert.ok(recovered, "no recovery notice");
    assert.ok(recovered.kind === "recovered");
    assert.equal(recovered.refused, result.refused, "the notice counts every refused request");
    assert.ok(recovered.paced > 0);
    assert.ok((control.requestsPerSecond ?? 0) > 18, "still paced after the spell, at a rate grown back");
  });

  it("slows down once for the refusals of one second, not once per refusal", async () => {
    const time = new VirtualTime();
    const control = new RateControl({ host: "sms.test", clock: time });
    const sent = await Promise.all(Array.from({ length: 17 }, () => control.acquire()));
    for (let i = 0; i < 10; i++) control.record(sent[i]!, { throttled: false });
    for (let i = 10; i < 16; i++) control.record(sent[i]!, { throttled: true });
    assert.equal(control.requestsPerSecond, 9, "0.9 × 10 answers through, once, not 0.9^6 of it");
    await time.run(time.sleep(500));
    control.record(sent[16]!, { throttled: true });
    assert.equal(control.requestsPerSecond, 9, "a refusal half a second later is the same window");
  });

  it("sends nothing into a window the unpaced burst still fills, then at most its rate in any second", async () => {
    const time = new VirtualTime();
    const control = new RateControl({ host: "sms.test", clock: time, quietMs: 60_000 });
    const burst = await Promise.all(Array.from({ length: 30 }, () => control.acquire()));
    for (let i = 0; i < 20; i++) control.record(burst[i]!, { throttled: false });
    for (let i = 20; i < 30; i++) control.record(burst[i]!, { throttled: true });
    assert.equal(control.requestsPerSecond, 18);
    const next = await time.run(Promise.all(Array.from({ length: 40 }, () => control.acquire())));
    // The gateway counts the 30 of the burst until they are a second old; the first request after it waits that out.
    assert.equal(next[0], 1000);
    for (const [index, at] of next.entries()) {
      const inWindow = next.filter((other, j) => j <= index && other > at - 1000).length;
      assert.ok(inWindow <= 18, `${inWindow} requests in the second up to ${at} ms`);
    }
  });

  it("a throttle with nothing through in the last second drops to the minimum rate and grows back", async () => {
    const time = new VirtualTime();
    const control = new RateControl({ host: "sms.test", clock: time, quietMs: 60_000 });
    control.record(await control.acquire(), { throttled: true });
    assert.equal(control.requestsPerSecond, 0.5);
    const result = await batch(time, control, () => true, 60, 4);
    assert.equal(result.requests, 60);
    assert.ok((control.requestsPerSecond ?? 0) > 5, `grew back to ${control.requestsPerSecond}/s`);
  });
});
