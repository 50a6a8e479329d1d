/**
 * 8. A stack of hundreds through one provider host, 16 operations in flight as `pulumi up` runs them, against the
 * emulator over https (its self-signed certificate trusted through volcengine:smsCaFile, as a user of a private CA
 * would): creates under a gateway limit of 20 requests per second, creates without a limit, a preview (check and
 * diff of every resource), and the connections refreshes open. A fresh host and emulator per round: the rate
 * control and the connections belong to the host process, and the limit's window to the emulator.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { type RunningEmulator, startEmulator } from "../emulator";
import { type Props, ProviderHost } from "../harness/provider-host";
import { repoRoot, validInputs } from "./fixtures";
import { distProviderText } from "./provider-size";
import { type Summary, summarize } from "./stats";
import { formatTime, type Row, ratio, text, time } from "./table";

const IN_FLIGHT = 16;
const LIMIT_PER_SECOND = 20;
const LIST = "GetSignatureIdentificationList";

interface Peers {
  emulator: RunningEmulator;
  host: ProviderHost;
  providerText: string;
  stop(): Promise<void>;
}

async function startPeers(providerText: string, rateLimitPerSecond: number | null): Promise<Peers> {
  const emulator = await startEmulator({ approvalDelayMs: null, https: true, rateLimitPerSecond });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
  const caFile = path.join(scratch, "emulator-ca.pem");
  fs.writeFileSync(caFile, emulator.certificate ?? "");
  const host = await ProviderHost.start({ cwd: repoRoot });
  await host.configure({
    "volcengine:accessKey": emulator.accessKey,
    "volcengine:secretKey": emulator.secretKey,
    "volcengine:region": emulator.region,
    "volcengine:smsEndpoint": emulator.endpoint,
    "volcengine:smsCaFile": caFile,
  });
  return {
    emulator,
    host,
    providerText,
    stop: async () => {
      await host.stop();
      await emulator.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** A platform filing for many companies: one name each, the duplicate guard on, as by default. */
function clientInputs(i: number, providerText: string): Props {
  const { allowDuplicateName: _, ...defaults } = validInputs();
  return { ...defaults, materialName: `客户${i}的短信资质`, __provider: providerText };
}

/** `count` calls, IN_FLIGHT at a time; the time from the first to the last answer, in ms. */
async function inFlight<T>(count: number, call: (i: number) => Promise<T>): Promise<{ ms: number; results: T[] }> {
  const results: T[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) results[i] = await call(i);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { ms: performance.now() - started, results };
}

interface CreateRound {
  ms: number;
  created: number;
  duplicates: number;
  refused: number;
  /** The list requests that got through: the pages the duplicate guards needed, shared by the creates. */
  listPages: number;
  outputs: Array<{ id: string; properties: Props }>;
}

/** Requests of an action the gateway answered (not refused by its rate limit). */
function answered(emulator: RunningEmulator, action: string): number {
  return emulator.requests.filter((r) => r.action === action && r.code !== "FlowLimitExceeded").length;
}

async function createRound(peers: Peers, count: number): Promise<CreateRound> {
  const { ms, results } = await inFlight(count, (i) => peers.host.create(clientInputs(i, peers.providerText)));
  const counters = peers.emulator.counters();
  const created = new Set(results.map((r) => r.id)).size;
  const listPages = answered(peers.emulator, LIST);
  return {
    ms,
    created,
    duplicates: counters.filed - created,
    refused: counters.throttled,
    listPages,
    outputs: results,
  };
}

export async function measureScale(quick: boolean): Promise<Row[]> {
  const providerText = await distProviderText();
  const throttledCount = quick ? 40 : 100;
  const bigCount = quick ? 100 : 500;
  const rounds = quick ? 1 : 3;

  const throttled: CreateRound[] = [];
  for (let round = 0; round < rounds; round++) {
    const peers = await startPeers(providerText, LIMIT_PER_SECOND);
    try {
      throttled.push(await createRound(peers, throttledCount));
    } finally {
      await peers.stop();
    }
  }

  const peers = await startPeers(providerText, null);
  let big: CreateRound;
  let previewMs: number;
  let refreshConnections: number;
  let refreshMs: number;
  let refreshRequests: number;
  let createConnections: number;
  try {
    big = await createRound(peers, bigCount);
    createConnections = peers.emulator.counters().connections;
    // A preview: check against the stored inputs, then diff against the stored outputs, for every resource.
    const preview = await inFlight(bigCount, async (i) => {
      const { id, properties } = big.outputs[i]!;
      const checked = await peers.host.check(properties, clientInputs(i, providerText));
      if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
      const diff = await peers.host.diff(id, properties, checked.inputs);
      if (diff.changes !== "none") throw new Error(`preview shows a change for ${id}`);
    });
    previewMs = preview.ms;
    peers.emulator.resetCounters();
    await inFlight(bigCount, (i) => peers.host.read(big.outputs[i]!.id, big.outputs[i]!.properties));
    refreshConnections = peers.emulator.counters().connections;
    // The same refreshes in a provider process of its own (a `pulumi refresh`), under the gateway's limit.
    await peers.host.nextCommand();
    peers.emulator.configure({ rateLimitPerSecond: LIMIT_PER_SECOND });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = peers.emulator.requests.length;
    const refresh = await inFlight(bigCount, (i) => peers.host.read(big.outputs[i]!.id, big.outputs[i]!.properties));
    refreshMs = refresh.ms;
    refreshRequests = peers.emulator.requests.slice(before).filter((r) => r.action === LIST).length;
  } finally {
    await peers.stop();
  }

  const times = summarize(throttled.map((r) => r.ms));
  // The floor: every request the creates needed (the filings and the list pages they shared) at the limit's pace.
  const floorOf = (round: CreateRound) => ((throttledCount + round.listPages) / LIMIT_PER_SECOND) * 1000;
  const overFloor = summarize(throttled.map((r) => r.ms / floorOf(r)));
  const floorMs = floorOf(throttled[0]!);
  const pagesOfAccount = Math.ceil(bigCount / 100);
  const worst = throttled.reduce((a, b) => (a.created - a.duplicates < b.created - b.duplicates ? a : b));
  const label = `${throttledCount} creates, ${IN_FLIGHT} in flight, gateway allows ${LIMIT_PER_SECOND} requests/s`;
  const perResource = (ms: number, count: number): Summary => summarize([ms / count]);
  return [
    { item: 8, label: `${label}: time`, figure: time(times) },
    {
      item: 8,
      label:
        `${label}: time ÷ floor ` +
        `(${formatTime(floorMs)}: ${throttledCount} filings + ${throttled[0]!.listPages} list page(s) at ` +
        `${LIMIT_PER_SECOND}/s)`,
      figure: ratio(overFloor),
      target: { text: "≤ 1.15×", met: overFloor.max <= 1.15 },
      whenMissed:
        "the limit is learnt from refusals: the requests in flight when the first one comes back (up to 16) are " +
        "refused too and count in the gateway's window, a second's worth of requests that must wait it out; " +
        "after that the pace keeps at most its rate within any second and probes past it along its cubic curve",
    },
    {
      item: 8,
      label: `${label}: created, duplicates, refused and retried (worst round)`,
      figure: text(`${worst.created} created, ${worst.duplicates} duplicates, ${worst.refused} refused`),
      target: {
        text: `${throttledCount}, 0`,
        met: throttled.every((r) => r.created === throttledCount && r.duplicates === 0),
      },
    },
    {
      item: 8,
      label: `${bigCount} creates, ${IN_FLIGHT} in flight, no limit: time`,
      figure: time(summarize([big.ms])),
    },
    {
      item: 8,
      label: `${bigCount} creates, no limit: per create`,
      figure: time(perResource(big.ms, bigCount)),
    },
    {
      item: 8,
      label: `${bigCount} creates, no limit: connections opened (one per filing, by design)`,
      figure: text(`${createConnections} for ${bigCount} filings`),
    },
    {
      item: 8,
      label: `${bigCount}-resource preview (check + diff through the host, ${IN_FLIGHT} in flight): time`,
      figure: time(summarize([previewMs])),
    },
    {
      item: 8,
      label: `${bigCount}-resource preview: per resource`,
      figure: time(perResource(previewMs, bigCount)),
    },
    {
      item: 8,
      label: `${bigCount} refreshes of an account of ${bigCount}, gateway allows ${LIMIT_PER_SECOND}/s: list requests`,
      figure: text(`${refreshRequests} (one per resource before lookups shared pages: ${bigCount})`),
      target: { text: `≤ ${pagesOfAccount}, its pages`, met: refreshRequests <= pagesOfAccount },
    },
    {
      item: 8,
      label: `${bigCount} refreshes, gateway allows ${LIMIT_PER_SECOND}/s: time`,
      figure: time(summarize([refreshMs])),
    },
    {
      item: 8,
      label: `${bigCount} refreshes (${IN_FLIGHT} in flight, https): connections opened`,
      figure: text(String(refreshConnections)),
      target: { text: `≤ ${IN_FLIGHT}`, met: refreshConnections <= IN_FLIGHT },
    },
  ];
}
