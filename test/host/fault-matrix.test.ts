import assert from "node:assert/strict";
import * as net from "node:net";
import type { FaultSpec } from "../../emulator";
import { HostError, type Props, ProviderHost } from "../../harness/provider-host";
import { GET_SIGNATURE_IDENTIFICATION_LIST } from "../../provider/api/qualification/get-signature-identification-list";
import { PERSONAL_VALUES, validInputs } from "../support/fixtures/qualification";
import { pattern } from "../support/pattern";
import { emulatorConfig, usePeers } from "../support/peers";
import { REPO_ROOT } from "../support/repo-root";

/** What a refresh asks; the older list is only asked by accounts without it (see review-lifecycle.test.ts). */
const REFRESH = GET_SIGNATURE_IDENTIFICATION_LIST.action;

type Outcome = { ok: true } | { error: RegExp; mayHaveBeenFiled: boolean };

/** The README's fault table is this one: fault, operation, what happens. */
const MATRIX: Array<{
  fault: string;
  spec: FaultSpec;
  create: { requests: number; outcome: Outcome };
  refresh: { requests: number; outcome: Outcome };
}> = [
  {
    fault: "connection reset after the request is read",
    spec: { kind: "reset-after-read" },
    create: { requests: 1, outcome: { error: /\((UND_ERR_SOCKET|ECONNRESET)\)/, mayHaveBeenFiled: true } },
    refresh: { requests: 2, outcome: { ok: true } },
  },
  {
    fault: "server hangs",
    spec: { kind: "hang" },
    create: {
      requests: 1,
      outcome: { error: /\(UND_ERR_HEADERS_TIMEOUT\): the endpoint did not answer in time/, mayHaveBeenFiled: true },
    },
    refresh: { requests: 2, outcome: { ok: true } },
  },
  {
    fault: "429 twice, then OK",
    spec: { kind: "throttle", times: 2 },
    create: { requests: 3, outcome: { ok: true } },
    refresh: { requests: 3, outcome: { ok: true } },
  },
  {
    fault: "503",
    spec: { kind: "http-error", status: 503 },
    create: {
      requests: 1,
      outcome: { error: /\(ServiceUnavailableTemp, HTTP 503, RequestId \w+\)/, mayHaveBeenFiled: true },
    },
    refresh: { requests: 2, outcome: { ok: true } },
  },
  {
    fault: "business error 1999",
    spec: { kind: "business-error", code: "1999" },
    create: {
      requests: 1,
      outcome: {
        error: /\(1999, HTTP 200, RequestId \w+\): .*What to do: Volcengine had a system error/,
        mayHaveBeenFiled: false,
      },
    },
    refresh: {
      requests: 1,
      outcome: { error: pattern(`${REFRESH} failed`, / \(1999, HTTP 200, RequestId \w+\)/), mayHaveBeenFiled: false },
    },
  },
  {
    fault: "non-JSON body",
    spec: { kind: "non-json" },
    create: {
      requests: 1,
      outcome: { error: /\(InvalidResponse, HTTP 200\): the answer is not JSON/, mayHaveBeenFiled: true },
    },
    refresh: { requests: 2, outcome: { ok: true } },
  },
  {
    fault: "truncated body",
    spec: { kind: "truncated" },
    create: {
      requests: 1,
      outcome: { error: /\((UND_ERR_RES_CONTENT_LENGTH_MISMATCH|UND_ERR_SOCKET|ECONNRESET)\)/, mayHaveBeenFiled: true },
    },
    refresh: { requests: 2, outcome: { ok: true } },
  },
];

describe("fault matrix through Pulumi's provider host: never a second filing, always a clear outcome", () => {
  // Short enough for a test; the defaults are 30 s and 4 attempts.
  const peers = usePeers((emulator) =>
    emulatorConfig(emulator, { "volcengine:smsTimeoutSeconds": "1", "volcengine:smsMaxAttempts": "3" }),
  );
  let approvedId: string;
  let approvedProps: Props;

  const count = (action: string) => peers.emulator.requests.filter((r) => r.action === action).length;
  // Failed filings leave qualifications under review: the duplicate guard (tested on its own) would refuse the next.
  const inputs = () => ({ ...validInputs({ allowDuplicateName: true }), __provider: peers.providerText });

  before(async () => {
    const created = await peers.host.create(inputs());
    peers.emulator.approve(created.id);
    approvedId = created.id;
    approvedProps = created.properties;
  });
  // Each row is a command of its own, as under the CLI: nothing the provider process kept answers it.
  beforeEach(() => peers.host.nextCommand());
  afterEach(async () => {
    peers.emulator.clearFaults();
    // The host answers the next call whatever happened.
    assert.deepEqual((await peers.host.check({}, inputs())).failures, []);
    assert.equal(peers.host.exited, false);
  });

  async function outcomeOf(call: Promise<unknown>): Promise<Error | undefined> {
    try {
      await call;
      return undefined;
    } catch (error) {
      assert.ok(error instanceof HostError);
      return error;
    }
  }

  function assertOutcome(error: Error | undefined, expected: Outcome) {
    if ("ok" in expected) {
      assert.equal(error, undefined, `expected success, got ${error?.message}`);
      return;
    }
    assert.ok(error, "expected an error");
    assert.match(error.message, expected.error);
    assert.equal(/may have been carried out/.test(error.message), expected.mayHaveBeenFiled, error.message);
    if (expected.mayHaveBeenFiled)
      assert.match(
        error.message,
        /look for a qualification named "示例科技短信资质" filed just now: `npx pulumi-volcengine-sms qualifications/,
      );
    for (const value of PERSONAL_VALUES) assert.ok(!error.message.includes(value), "an error repeats a personal value");
  }

  for (const row of MATRIX) {
    it(
      `${row.fault} × create: ${row.create.requests} ApplySignatureIdent request(s), ` +
        `${"ok" in row.create.outcome ? "created" : "clear error"}`,
      async () => {
        peers.emulator.injectFault({ ...row.spec, action: "ApplySignatureIdent" } as FaultSpec);
        const before = count("ApplySignatureIdent");
        const error = await outcomeOf(peers.host.create(inputs()));
        assert.equal(count("ApplySignatureIdent") - before, row.create.requests);
        assertOutcome(error, row.create.outcome);
      },
    );

    it(
      `${row.fault} × refresh: ${row.refresh.requests} ${REFRESH} request(s), ` +
        `${"ok" in row.refresh.outcome ? "refreshed" : "clear error"}`,
      async () => {
        peers.emulator.injectFault({ ...row.spec, action: REFRESH } as FaultSpec);
        const before = count(REFRESH);
        const read = peers.host.read(approvedId, approvedProps);
        const error = await outcomeOf(read);
        assert.equal(count(REFRESH) - before, row.refresh.requests);
        assertOutcome(error, row.refresh.outcome);
        if (!error) {
          const refreshed = await read;
          assert.equal(refreshed.id, approvedId, "the id is kept");
          assert.equal(refreshed.properties.approved, true);
        }
      },
    );
  }

  it("each retry is visible in the provider's diagnostics, with attempt and reason", async () => {
    await peers.host.waitForStderr(pattern(REFRESH, / attempt 1 of 3 failed \(ServiceUnavailableTemp/));
    // Throttling is reported once per throttled spell, by the process's rate control, not per request.
    assert.doesNotMatch(peers.host.stderr, /attempt \d+ of \d+ failed \(FlowLimitExceeded/);
    assert.match(
      peers.host.stderr,
      pattern(
        /SmsSignatureIdent: 127\.0\.0\.1:\d+ is throttling requests \(FlowLimitExceeded, HTTP 429\): /,
        /all calls of this process now share [\d.]+ requests per second/,
      ),
    );
    assert.match(
      peers.host.stderr,
      pattern(
        `SmsSignatureIdent: ${REFRESH}`,
        / attempt 1 of 3 failed \(ServiceUnavailableTemp, HTTP 503\); /,
        /retrying in \d+ ms: the call is safe to repeat/,
      ),
    );
  });

  it("a refresh that keeps failing gives up after the configured attempts with the last error", async () => {
    peers.emulator.injectFault({ action: REFRESH, kind: "http-error", status: 500, times: Infinity });
    const before = count(REFRESH);
    const error = await outcomeOf(peers.host.read(approvedId, approvedProps));
    assert.equal(count(REFRESH) - before, 3);
    assert.match(error!.message, pattern(`${REFRESH} failed`, / \(InternalError, HTTP 500, RequestId \w+\)/));
  });

  it("Retry-After is honoured", async () => {
    peers.emulator.injectFault({ action: REFRESH, kind: "throttle", retryAfterSeconds: 1 });
    const started = Date.now();
    await peers.host.read(approvedId, approvedProps);
    assert.ok(Date.now() - started >= 1000, "the retry waited for Retry-After");
  });

  it("connection refused × create: retried, since nothing can have been filed, then a clear error", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const refusing = await ProviderHost.start({ cwd: REPO_ROOT });
    try {
      await refusing.configure({
        "volcengine:accessKey": peers.emulator.accessKey,
        "volcengine:secretKey": peers.emulator.secretKey,
        "volcengine:smsEndpoint": `http://127.0.0.1:${closedPort}`,
        "volcengine:smsMaxAttempts": "2",
      });
      const error = await outcomeOf(refusing.create(inputs()));
      assert.match(error!.message, /ApplySignatureIdent failed \(ECONNREFUSED\): the connection was refused/);
      assert.doesNotMatch(error!.message, /may have been carried out/);
      await refusing.waitForStderr(/attempt 1 of 2/);
      assert.match(
        refusing.stderr,
        /attempt 1 of 2 failed \(ECONNREFUSED\); retrying in \d+ ms: the request never reached the server/,
      );
    } finally {
      await refusing.stop();
    }
  });
});
