/**
 * Drives Pulumi's own dynamic-provider host the way the engine does: a child process started from the project
 * directory, spoken to over gRPC with Pulumi's generated client, values as protobuf Structs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";

/** The gRPC pieces of one @pulumi/pulumi installation: the host it starts must be spoken to with its own stubs. */
interface PulumiProto {
  root: string;
  grpc: any;
  providerGrpc: any;
  providerProto: any;
  Struct: any;
}

/**
 * The @pulumi/pulumi of the project directory, as the engine finds it: a user's project brings its own, which may be
 * a newer version than this repository's. Its gRPC runtime must be the copy it resolves, or its stubs reject our
 * channel.
 */
function pulumiProtoOf(projectDir: string): PulumiProto {
  const root = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [projectDir] }));
  return {
    root,
    grpc: require(require.resolve("@grpc/grpc-js", { paths: [root] })),
    providerGrpc: require(path.join(root, "proto/provider_grpc_pb")),
    providerProto: require(path.join(root, "proto/provider_pb")),
    Struct: require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [root] })).Struct,
  };
}

export type Props = Record<string, unknown>;

export interface HostOptions {
  /** The Pulumi project directory: the engine starts the host there. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The dynamic-provider script; defaults to the one of the @pulumi/pulumi the project directory resolves. */
  hostScript?: string;
}

export interface CheckResult {
  inputs: Props;
  failures: Array<{ property: string; reason: string }>;
}
export interface DiffResult {
  changes: "none" | "some" | "unknown";
  replaces: string[];
  deleteBeforeReplace: boolean;
}

export class ProviderHost {
  private stderrText = "";
  private lastConfig: Record<string, string> | undefined;
  private constructor(
    private child: ChildProcess,
    private client: any,
    private readonly proto: PulumiProto,
    private readonly options: HostOptions,
  ) {
    this.listen(child);
  }

  private listen(child: ChildProcess): void {
    child.stderr!.on("data", (chunk) => {
      if (child === this.child) this.stderrText += chunk.toString();
    });
  }

  /**
   * What the next `pulumi` command sees: a provider host of its own (the CLI starts one per command), configured as
   * this one was, so nothing the provider kept in memory lives on. What the old one printed stays in `stderr`.
   */
  async nextCommand(): Promise<void> {
    await this.stop();
    const next = await ProviderHost.start(this.options);
    this.child = next.child;
    this.client = next.client;
    this.stderrText += next.stderrText;
    this.listen(this.child);
    if (this.lastConfig !== undefined) await this.configure(this.lastConfig);
  }

  static async start(options: HostOptions): Promise<ProviderHost> {
    const proto = pulumiProtoOf(options.cwd);
    const script = options.hostScript ?? path.join(proto.root, "cmd", "dynamic-provider", "index.js");
    // Plain node, no ts-node: as under `pulumi up`, only compiled JavaScript can be required in the host.
    const child = spawn(process.execPath, [script, "127.0.0.1:1"], {
      cwd: options.cwd,
      env: { ...cleanEnv(), ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let early = "";
    child.stderr!.on("data", (chunk) => (early += chunk.toString()));
    const port = await new Promise<string>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout! });
      lines.once("line", (line) => resolve(line.trim()));
      child.once("exit", (code) => reject(new Error(`provider host exited with ${code} before listening: ${early}`)));
    });
    const client = new proto.providerGrpc.ResourceProviderClient(
      `127.0.0.1:${port}`,
      proto.grpc.credentials.createInsecure(),
      {
        // The engine allows large messages: bodies carry several 5 MB scans.
        "grpc.max_receive_message_length": -1,
        "grpc.max_send_message_length": -1,
      },
    );
    const host = new ProviderHost(child, client, proto, options);
    host.stderrText = early;
    return host;
  }

  /** Everything the provider wrote to stderr: what `pulumi` shows as diagnostics. */
  get stderr(): string {
    return this.stderrText;
  }

  /**
   * Waits until the provider has written `pattern` to stderr: the host answers a call before the pipe necessarily
   * delivered what the provider printed during it.
   */
  async waitForStderr(pattern: RegExp, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.stderrText)) {
      if (Date.now() > deadline)
        throw new Error(`the provider did not print ${pattern} within ${timeoutMs} ms; it printed: ${this.stderrText}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.stderrText;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async configure(config: Record<string, string> = {}): Promise<void> {
    this.lastConfig = config;
    const request = new this.proto.providerProto.ConfigureRequest();
    request.setArgs(this.proto.Struct.fromJavaScript(config));
    const variables = request.getVariablesMap();
    for (const [key, value] of Object.entries(config)) variables.set(key, value);
    await this.unary("configure", request);
  }

  async check(olds: Props, news: Props): Promise<CheckResult> {
    const request = new this.proto.providerProto.CheckRequest();
    request.setOlds(this.proto.Struct.fromJavaScript(olds));
    request.setNews(this.proto.Struct.fromJavaScript(news));
    const response = await this.unary("check", request);
    return {
      inputs: response.getInputs()?.toJavaScript() ?? {},
      failures: response.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diff(id: string, olds: Props, news: Props): Promise<DiffResult> {
    const request = new this.proto.providerProto.DiffRequest();
    request.setId(id);
    request.setOlds(this.proto.Struct.fromJavaScript(olds));
    request.setNews(this.proto.Struct.fromJavaScript(news));
    const response = await this.unary("diff", request);
    const changes = response.getChanges();
    const kinds = this.proto.providerProto.DiffResponse.DiffChanges;
    return {
      changes: changes === kinds.DIFF_NONE ? "none" : changes === kinds.DIFF_SOME ? "some" : "unknown",
      replaces: response.getReplacesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
    };
  }

  async create(properties: Props): Promise<{ id: string; properties: Props }> {
    const request = new this.proto.providerProto.CreateRequest();
    request.setProperties(this.proto.Struct.fromJavaScript(properties));
    const response = await this.unary("create", request);
    return { id: response.getId(), properties: response.getProperties().toJavaScript() };
  }

  async read(id: string, properties: Props): Promise<{ id: string; properties: Props }> {
    const request = new this.proto.providerProto.ReadRequest();
    request.setId(id);
    request.setProperties(this.proto.Struct.fromJavaScript(properties));
    const response = await this.unary("read", request);
    return { id: response.getId(), properties: response.getProperties()?.toJavaScript() ?? {} };
  }

  async update(id: string, olds: Props, news: Props): Promise<Props> {
    const request = new this.proto.providerProto.UpdateRequest();
    request.setId(id);
    request.setOlds(this.proto.Struct.fromJavaScript(olds));
    request.setNews(this.proto.Struct.fromJavaScript(news));
    const response = await this.unary("update", request);
    return response.getProperties().toJavaScript();
  }

  async delete(id: string, properties: Props): Promise<void> {
    const request = new this.proto.providerProto.DeleteRequest();
    request.setId(id);
    request.setProperties(this.proto.Struct.fromJavaScript(properties));
    await this.unary("delete", request);
  }

  /** Ends the host at once, as when `pulumi` is killed mid-operation: no call in flight gets an answer. */
  kill(): Promise<void> {
    return this.end("SIGKILL");
  }

  stop(): Promise<void> {
    return this.end("SIGTERM");
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    this.client.close();
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill(signal);
    await exited;
  }

  private unary(method: string, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
      this.client[method](request, (error: (Error & { details?: string }) | null, response: unknown) => {
        if (error) reject(new HostError(error.details ?? error.message));
        else resolve(response);
      });
    });
  }
}

/** A gRPC error from the host, carrying the message the engine would print. */
export class HostError extends Error {}

/**
 * This process's environment without Volcengine settings, so a rehearsal or a test never reaches the real service by
 * accident.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("VOLCENGINE_") || key.startsWith("TS_NODE")) delete env[key];
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * The text `new SmsSignatureIdent(...)` stores in `__provider`, made exactly as @pulumi/pulumi's dynamic.Resource makes
 * it.
 */
export async function serializeProvider(
  provider: object,
  pulumi: typeof import("@pulumi/pulumi") = require("@pulumi/pulumi"),
): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}
