/**
 * `npm start`: an offline rehearsal of examples/index.ts, no credentials and no Pulumi CLI needed. It starts the
 * Volcengine SMS emulator on a free loopback port and walks the program through Pulumi's own dynamic-provider host,
 * the way `pulumi` would, printing for each command what the real CLI prints (cli-view.ts); the narration between
 * commands is written as `#` comments. Exits 0 when every step did what it should, 1 with the reason otherwise.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { type RunningEmulator, startEmulator } from "../emulator";
import { type Command, type OutputValues, renderCommand } from "./cli-view";
import { EngineStandIn, type RunResult } from "./engine-stand-in";
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
const say = (line: string) => out(`# ${line}`);

class SessionFailure extends Error {}
function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SessionFailure(message);
}

/** The stack as the session drives it: config, the program's outputs, and each command printed as the CLI would. */
class Session {
  private readonly engine: EngineStandIn;
  private readonly config: Record<string, string>;
  private overrides: Record<string, string> = {};
  private stackExists = false;
  private outputs: OutputValues | undefined;
  private stderrSeen = 0;

  /** Everything the provider hosts printed, command after command. */
  private printedBefore = "";
  private configured = false;

  constructor(
    readonly emulator: RunningEmulator,
    private host: ProviderHost,
  ) {
    this.engine = new EngineStandIn(host, pulumi, PROJECT, STACK);
    this.config = {
      "volcengine:accessKey": emulator.accessKey,
      "volcengine:secretKey": emulator.secretKey,
      "volcengine:region": emulator.region,
      "volcengine:smsEndpoint": emulator.endpoint,
      ...EXAMPLE_SECRETS,
    };
  }

  /** A provider host of its own for each command, as the CLI starts one per command: nothing it kept lives on. */
  private async freshHost(): Promise<void> {
    if (!this.configured) {
      this.configured = true;
      await this.host.configure(this.config);
      return;
    }
    this.printedBefore += this.host.stderr;
    await this.host.stop();
    this.host = await ProviderHost.start({ cwd: projectRoot });
    this.stderrSeen = 0;
    await this.host.configure(this.config);
    this.engine.useHost(this.host);
  }

  async stop(): Promise<void> {
    await this.host.stop();
  }

  /** `pulumi config set [--secret] <key> <value>`, printed as typed. */
  setConfig(key: string, value: string, { secret = false, comment = "" } = {}): void {
    this.overrides[`${PROJECT}:${key}`] = value;
    out(`$ pulumi config set ${secret ? "--secret " : ""}${key} ${value}${comment ? `   # ${comment}` : ""}`);
  }

  /** Runs a command and prints it; `allowFailure` for a step that is meant to fail. */
  async run(command: Command, { allowFailure = false, comment = "" } = {}): Promise<RunResult> {
    out(`$ pulumi ${command}${comment ? `   # ${comment}` : ""}`);
    const config = { ...this.config, ...this.overrides };
    await this.freshHost();
    const previousOutputs = this.outputs;
    let exports: Record<string, unknown> = {};
    const load = () => {
      delete require.cache[require.resolve(program)];
      exports = require(program);
    };
    const result =
      command === "refresh"
        ? await this.engine.refresh()
        : command === "destroy"
          ? await this.engine.destroy()
          : await this.engine.run({ load, preview: command === "preview", config });
    // Pulumi shows the provider's lines once its call returned; the pipe may deliver them a moment later.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A failed run registers outputs that never resolve; the CLI shows none then.
    const failed = result.failures.length > 0 || result.errors.length > 0;
    const outputs = command === "refresh" || command === "destroy" || failed ? undefined : await resolved(exports);
    const view = { command, project: PROJECT, stack: STACK, stackExists: this.stackExists };
    const lines = renderCommand(result, { ...view, providerLines: this.providerLines(), outputs, previousOutputs });
    for (const line of lines) out(line);
    out();
    if (!allowFailure) {
      expect(result.failures.length === 0, `unexpected check failures: ${result.failures.map((f) => f.reason)}`);
      expect(result.errors.length === 0, `unexpected errors: ${result.errors.map((e) => e.message).join("; ")}`);
    }
    if (command === "up" && result.errors.length === 0) {
      this.stackExists = true;
      this.outputs = outputs;
    }
    if (command === "destroy") this.stackExists = false;
    return result;
  }

  /** The provider's lines since the last command: what the CLI shows as the stack's diagnostics. */
  private providerLines(): string[] {
    const text = this.host.stderr.slice(this.stderrSeen);
    this.stderrSeen = this.host.stderr.length;
    return text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  }

  get printed(): string {
    return this.printedBefore + this.host.stderr;
  }

  /** The stack outputs as the last `up` left them, as the CLI prints them. */
  lastOutputs(): string {
    return Object.entries(this.outputs ?? {})
      .map(([key, { value }]) => `${key}: ${JSON.stringify(value)}`)
      .join("\n");
  }
}

/** The program's exports as the stack outputs the CLI shows: values, or "not known yet" in a preview. */
async function resolved(exports: Record<string, unknown>): Promise<OutputValues> {
  const values: OutputValues = {};
  for (const [key, value] of Object.entries(exports)) {
    const output = pulumi.output(value) as unknown as {
      isKnown: Promise<boolean>;
      promise(withUnknowns?: boolean): Promise<unknown>;
    };
    const known = await output.isKnown;
    values[key] = { known, value: known ? await output.promise() : undefined };
  }
  return values;
}

async function main(): Promise<void> {
  const started = Date.now();
  const emulator = await startEmulator({ approvalDelayMs: null });
  const session = new Session(emulator, await ProviderHost.start({ cwd: projectRoot }));
  try {
    await walkThrough(session);
    say(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: every step ran through Pulumi's dynamic-provider ` +
        "host against the emulator.",
    );
    say("With the Pulumi CLI (or `npm run pulumi-cli`, which builds it with Go into .tools/pulumi/bin),");
    say("`pulumi up` from the repository root runs the same program for real:");
    say("  against the emulator: run `npx pulumi-volcengine-sms-emulator` and paste the exports it prints;");
    say(
      "  against Volcengine: set volcengine:accessKey / volcengine:secretKey (or VOLCENGINE_ACCESS_KEY / " +
        "VOLCENGINE_SECRET_KEY).",
    );
  } finally {
    await session.stop();
    await emulator.close();
  }
}

async function walkThrough(session: Session): Promise<void> {
  const { emulator } = session;
  say(`Volcengine SMS emulator on ${emulator.endpoint} (access key ${emulator.accessKey}, region ${emulator.region}).`);
  say(
    `Program: ${path.relative(projectRoot, program)}, stack "${STACK}": a qualification, a signature filed on it and ` +
      "a template bound to the signature; ID numbers and mobiles come from stack config as secrets.",
  );
  out();

  let result = await session.run("preview");
  expect(
    result.steps.length === 3 && result.steps.every((step) => step.op === "create"),
    `preview should plan three creates, planned ${describeSteps(result)}`,
  );
  expect(emulator.requests.length === 0, "a preview must send nothing");
  say("Nothing was sent to Volcengine.");
  out();

  session.setConfig("operatorMobile", "1380013800", { secret: true, comment: "a digit missing" });
  result = await session.run("preview", { allowFailure: true });
  expect(result.failures.length > 0, "preview should have failed on the mistyped mobile");
  expect(emulator.requests.length === 0, "a failed preview must not send anything");
  say("The preview failed before anything was sent; the mobile is not repeated in the message.");
  session.setConfig("operatorMobile", "13800138000", { secret: true, comment: "fixed" });
  out();

  result = await session.run("up");
  const qualification = result.steps.find((step) => step.name === "example-qualification");
  expect(qualification?.id !== undefined, `up should file the qualification: ${describeSteps(result)}`);
  expect(sent(emulator, "ApplySignatureIdent") === 1, "up should file the qualification once");
  expect(sent(emulator, "ApplySmsSignatureV2") === 0, "the signature must wait for its qualification");
  say("Day 1: the qualification waits for review by people at Volcengine (simulated by the emulator); the signature");
  say("waits for the qualification, the template for the signature. Nothing was filed that cannot be yet.");
  out();

  result = await session.run("refresh", { comment: "before the review: no review moved; what waits says so again" });
  say(`The emulator's reviewer approves qualification ${qualification.id}.`);
  emulator.approve(qualification.id);
  out();

  result = await session.run("refresh");
  expect(/reviewing → approved/.test(session.printed), "refresh should say that the review moved on");
  say("A refresh does not run the program: the stack outputs follow at the next pulumi up (or with");
  say("pulumi refresh --run-program). That up files the signature, now that its qualification is approved.");
  out();

  result = await session.run("up");
  expect(
    sent(emulator, "ApplySmsSignatureV2") === 1,
    "up should file the signature once its qualification is approved",
  );
  expect(sent(emulator, "ApplySmsTemplateV2SDK") === 0, "the template must wait for its signature");
  say("Day 3: the signature is under review; the template still waits.");
  say("The emulator's reviewer approves signature 示例科技.");
  emulator.approveSignature("示例科技");
  out();

  result = await session.run("refresh");
  expect(/carriers file it next/.test(session.printed), "refresh should say what follows an approved signature");
  result = await session.run("up");
  const [template] = emulator.templates();
  expect(template !== undefined && sent(emulator, "ApplySmsTemplateV2SDK") === 1, "up should file the template once");
  say(`Day 5: the template ${template.templateId} is under review, one copy per signature.`);
  say(`The emulator's reviewer approves template ${template.templateId}.`);
  emulator.approveTemplate(template.templateId);
  say("The carriers file signature 示例科技.");
  emulator.fileSignatureWithCarriers("示例科技");
  out();

  result = await session.run("refresh");
  result = await session.run("up");
  expect(
    session.lastOutputs().includes('sendWith: {"示例科技":"S2T_'),
    "the stack outputs should hold the id to send with",
  );
  say("Day 12: SMS can be sent with signature 示例科技 and the template id in sendWith.");
  out();

  session.setConfig("signatureDesc", "示例科技 App 的登录、注册验证码与订单通知");
  result = await session.run("preview");
  expect(
    result.steps.some((step) => step.op === "update"),
    `a new desc should be an update: ${describeSteps(result)}`,
  );
  result = await session.run("up");
  expect(sent(emulator, "UpdateSmsSignature") === 1, "up should send the change once");
  say("Changed in place: the change is reviewed again, the signature stays usable meanwhile.");
  out();

  session.setConfig("signatureContent", "示例科技通知");
  result = await session.run("preview");
  expect(
    result.steps.filter((step) => step.op === "replace").length === 2,
    `a new content should replace the signature and its template: ${describeSteps(result)}`,
  );
  result = await session.run("up");
  say("A new content is a new signature (a new review); the old one is deleted from the account, and the template,");
  say("bound to the old one, is replaced by one that waits for the new signature.");
  out();

  const requestsBeforeDestroy = emulator.requests.length;
  result = await session.run("destroy");
  expect(
    result.steps.filter((step) => step.op === "delete").length === 3,
    "destroy should delete the resources from the state",
  );
  expect(sent(emulator, "DeleteSignature") >= 2, "destroy deletes the signature from the account");
  say("What the account keeps, as Volcengine would: the qualifications (there is no delete for them) and the");
  say("template (nor for V2 templates); the signatures are gone.");
  for (const q of emulator.qualifications()) say(`  qualification ${q.id}  ${q.materialName}  ${q.status}`);
  for (const t of emulator.templates()) say(`  template ${t.templateId}  ${t.name}`);
  expect(emulator.signatures().length === 0, "no signature should be left on the account");
  out();
  void requestsBeforeDestroy;
}

function sent(emulator: RunningEmulator, action: string): number {
  return emulator.requests.filter((request) => request.action === action && request.httpStatus === 200).length;
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
