/**
 * `npm start`: an offline rehearsal of examples/index.ts, no credentials and no Pulumi CLI needed. It starts the
 * Volcengine SMS emulator on a free loopback port and walks the program through Pulumi's own dynamic-provider host,
 * the way `pulumi` would: preview, a preview with a mistake, up, refresh after the (simulated) review, a change
 * previewed as a replacement, and destroy. Exits 0 when every step did what it should, 1 with the reason otherwise.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { type RunningEmulator, startEmulator } from "../emulator";
import { EngineStandIn, type RunResult, type Step } from "./engine-stand-in";
import { ProviderHost } from "./provider-host";

const PROJECT = "volcengine-sms-example";
const STACK = "dev";
const projectRoot = path.resolve(__dirname, "..");
/** The program to rehearse: examples/index.ts, or the one given as the first argument (the tests give a broken one). */
const program = path.resolve(process.argv[2] ?? path.join(projectRoot, "examples", "index.ts"));

/** Placeholder personal data with valid check digits: what `pulumi config set --secret` would hold. */
const EXAMPLE_SECRETS: Record<string, string> = {
  [`${PROJECT}:operatorIdNumber`]: "11010519491231002X",
  [`${PROJECT}:operatorMobile`]: "13800138000",
  [`${PROJECT}:responsibleIdNumber`]: "440308199901010012",
  [`${PROJECT}:responsibleMobile`]: "13912345678",
};

const out = (line = "") => process.stdout.write(`${line}\n`);

class SessionFailure extends Error {}
function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SessionFailure(message);
}

function typeAndName(step: Pick<Step, "type" | "name">): string {
  return `${step.type.padEnd(52)} ${step.name.padEnd(24)}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const emulator = await startEmulator({ approvalDelayMs: null });
  const host = await ProviderHost.start({ cwd: projectRoot });
  try {
    await session(emulator, host);
    out(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: every step ran through Pulumi's dynamic-provider ` +
        `host against the emulator.`,
    );
    out("With the Pulumi CLI (or `npm run pulumi-cli`, which builds it with Go into .tools/pulumi/bin),");
    out("`pulumi up` from the repository root runs the same program for real:");
    out("  against the emulator: run `npx pulumi-volcengine-sms-emulator` and paste the exports it prints;");
    out(
      "  against Volcengine: set volcengine:accessKey / volcengine:secretKey (or VOLCENGINE_ACCESS_KEY / " +
        "VOLCENGINE_SECRET_KEY).",
    );
  } finally {
    await host.stop();
    await emulator.close();
  }
}

async function session(emulator: RunningEmulator, host: ProviderHost): Promise<void> {
  const config: Record<string, string> = {
    "volcengine:accessKey": emulator.accessKey,
    "volcengine:secretKey": emulator.secretKey,
    "volcengine:region": emulator.region,
    "volcengine:smsEndpoint": emulator.endpoint,
    ...EXAMPLE_SECRETS,
  };
  await host.configure(config);
  const engine = new EngineStandIn(host, pulumi, PROJECT, STACK);
  const load = () => {
    delete require.cache[require.resolve(program)];
    require(program);
  };
  const run = (preview: boolean, overrides: Record<string, string> = {}) =>
    engine.run({ load, preview, config: { ...config, ...overrides } });
  const diagnostics = diagnosticsSince(host);

  out(`Volcengine SMS emulator on ${emulator.endpoint} (access key ${emulator.accessKey}, region ${emulator.region}).`);
  out(
    `Program: ${path.relative(projectRoot, program)}, stack "${STACK}"; its ID numbers and mobiles come from stack ` +
      `config as secrets.`,
  );
  out();

  out("$ pulumi preview");
  let result = await run(true);
  expectClean(result, diagnostics);
  const [planned] = result.steps;
  expect(
    result.steps.length === 1 && planned?.op === "create",
    `preview should plan one create, planned ${describeSteps(result)}`,
  );
  out(` +  ${typeAndName(planned)} create`);
  out("Resources: + 1 to create. Nothing was sent to Volcengine.");
  out();

  const typo = { [`${PROJECT}:operatorMobile`]: "1380013800" };
  out(`$ pulumi config set --secret operatorMobile 1380013800   # a digit missing`);
  out("$ pulumi preview");
  result = await run(true, typo);
  expect(result.failures.length > 0, "preview should have failed on the mistyped mobile");
  out(`    ${typeAndName(planned)} 1 error`);
  out("Diagnostics:");
  for (const failure of result.failures) out(`  error: ${failure.property}: ${failure.reason}`);
  expect(emulator.requests.length === 0, "a failed preview must not send anything");
  out("The preview failed before anything was sent; the mobile is not repeated in the message.");
  out(`$ pulumi config set --secret operatorMobile 13800138000   # fixed`);
  out();

  out("$ pulumi up");
  result = await run(false);
  expectClean(result, diagnostics);
  const [created] = result.steps;
  expect(
    created?.op === "create" && created.id !== undefined,
    `up should create the qualification, did ${describeSteps(result)}`,
  );
  const applied = emulator.requests.filter((r) => r.action === "ApplySignatureIdent");
  const [filing] = applied;
  expect(
    filing !== undefined && applied.length === 1,
    `up should call ApplySignatureIdent once, called it ${applied.length} times`,
  );
  out(` +  ${typeAndName(created)} created`);
  out("Outputs:");
  out(`    qualificationId: "${created.id}"`);
  out(`    approved       : ${created.outputs?.approved}`);
  out(`Resources: + 1 created. ApplySignatureIdent answered RequestId ${filing.requestId}.`);
  out("The qualification is now waiting for review by people at Volcengine (simulated by the emulator).");
  out();

  out("$ pulumi refresh   # before the review");
  result = await engine.refresh();
  expectClean(result, diagnostics);
  expect(
    result.steps[0]?.outputs?.approved === false,
    "a qualification under review should refresh as approved: false",
  );
  out(
    `    ${typeAndName(created)} unchanged: approved: false (still under review; GetSignatureIdentList lists ` +
      `approved ones only)`,
  );
  out();

  emulator.approve(created.id);
  out(`(the emulator's reviewer approves qualification ${created.id})`);
  out("$ pulumi refresh");
  result = await engine.refresh();
  expectClean(result, diagnostics);
  const refreshed = result.steps[0];
  expect(refreshed?.outputs?.approved === true, "after approval, refresh should set approved: true");
  out(` ~  ${typeAndName(refreshed)} updated [diff: ~approved]`);
  out(`      approved: false => true`);
  out(`      effectSignatures: ${JSON.stringify(refreshed.outputs?.effectSignatures)}`);
  out();

  const rename = { [`${PROJECT}:materialName`]: "示例科技短信资质二" };
  out("$ pulumi config set materialName 示例科技短信资质二");
  out("$ pulumi preview");
  result = await run(true, rename);
  expectClean(result, diagnostics, { keepDiagnostics: true });
  const replacement = result.steps[0];
  expect(
    replacement?.op === "replace",
    `a changed materialName should preview as a replacement, previewed ${describeSteps(result)}`,
  );
  await host.waitForStderr(/is replaced \(a new filing, a new review\): materialName changed/);
  out(` +- ${typeAndName(replacement)} replace [diff: ~${replacement.replaces?.join(",~")}]`);
  out("Diagnostics:");
  for (const line of diagnostics.take()) out(`  warning: ${line}`);
  out(
    "Resources: +-1 to replace. `up` would file a new qualification (a new human review); the API cannot change one " +
      "in place.",
  );
  out();

  const requestsBeforeDestroy = emulator.requests.length;
  out("$ pulumi destroy");
  result = await engine.destroy();
  expectClean(result, diagnostics, { keepDiagnostics: true });
  expect(result.steps[0]?.op === "delete", "destroy should delete the resource from the state");
  expect(
    emulator.requests.length === requestsBeforeDestroy,
    "destroy must not call the API: there is no delete action",
  );
  await host.waitForStderr(/stays on the Volcengine account/);
  out(` -  ${typeAndName(result.steps[0])} deleted`);
  out("Diagnostics:");
  for (const line of diagnostics.take()) out(`  warning: ${line}`);
  out("Resources: - 1 deleted. The emulator still holds the qualification, as Volcengine would:");
  for (const q of emulator.qualifications()) out(`    ${q.id}  ${q.materialName}  ${q.status}`);
  out();
}

/** What the provider printed (pulumi shows it as diagnostics) since the last call. */
function diagnosticsSince(host: ProviderHost) {
  let seen = host.stderr.length;
  return {
    take(): string[] {
      const text = host.stderr.slice(seen);
      seen = host.stderr.length;
      return text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    },
  };
}

/** No failures and no errors; and, unless the step is expected to print (destroy warns), nothing printed. */
function expectClean(result: RunResult, diagnostics: { take(): string[] }, { keepDiagnostics = false } = {}): void {
  expect(result.failures.length === 0, `unexpected check failures: ${result.failures.map((f) => f.reason).join("; ")}`);
  expect(result.errors.length === 0, `unexpected errors: ${result.errors.join("; ")}`);
  if (!keepDiagnostics) {
    const unexpected = diagnostics.take();
    expect(unexpected.length === 0, `the provider printed: ${unexpected.join(" | ")}`);
  }
}

function describeSteps(result: RunResult): string {
  return result.steps.map((s) => s.op).join(", ") || "nothing";
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message =
      error instanceof SessionFailure ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`npm start failed: ${message}\n`);
    process.exit(1);
  },
);
