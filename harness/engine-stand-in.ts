/**
 * A stand-in for the Pulumi engine, for machines without the Pulumi CLI: it runs a Pulumi program under
 * `pulumi.runtime.setMocks`, and forwards each dynamic resource to Pulumi's real dynamic-provider host the way
 * the engine does (check, diff, create; read for refresh; delete for destroy), keeping the state in memory.
 */
import * as path from "node:path";
import type * as PulumiModule from "@pulumi/pulumi";
import type { Props, ProviderHost } from "./provider-host";

const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic/";

export interface ResourceState {
  urn: string;
  type: string;
  name: string;
  id: string;
  /** Inputs after check, as the engine stores them. */
  inputs: Props;
  outputs: Props;
  /** Dotted paths of the inputs the engine encrypts in state: where the program placed secrets. */
  secretInputs: string[];
  /** Dotted paths of the outputs the engine encrypts: those of the inputs plus `additionalSecretOutputs`. */
  secretOutputs: string[];
}

export type StepOp = "create" | "same" | "update" | "replace" | "refresh" | "delete";

export interface Step {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  id?: string;
  /** For a replacement: the id of the resource being replaced. */
  replacedId?: string;
  /** For a replacement: the properties that force it; for an update: the properties that change. */
  replaces?: string[];
  outputs?: Props;
  /** For a refresh: the outputs before. */
  before?: Props;
  /** For a refresh: what was read differs from the inputs (a resource waiting to be filed does). */
  differs?: boolean;
}

export interface CheckFailureReport {
  urn: string;
  type: string;
  name: string;
  property: string;
  reason: string;
}

/** A failed provider call (create failed, ...), or the program's own failure (then of the stack). */
export interface RunError {
  urn: string;
  type: string;
  name: string;
  message: string;
}

export interface RunResult {
  steps: Step[];
  failures: CheckFailureReport[];
  /** Errors of provider calls (create failed, ...), as the engine would print them. */
  errors: RunError[];
}

export interface RunOptions {
  /** Loads (requires) the program; called once per run, after the mocks are set. */
  load: () => unknown;
  preview: boolean;
  /** Stack config, `namespace:key` → value, as `pulumi config set` writes it. */
  config?: Record<string, string>;
  /** How long the program may take to register its resources. */
  timeoutMs?: number;
}

export class EngineStandIn {
  /** The stack's state, by URN: what `pulumi stack export` would show (secrets unencrypted). */
  readonly state = new Map<string, ResourceState>();

  constructor(
    private host: ProviderHost,
    private readonly pulumi: typeof PulumiModule,
    readonly project: string,
    readonly stack: string,
  ) {}

  /** The provider host the next command talks to: the CLI starts one per command, so nothing lives on between. */
  useHost(host: ProviderHost): void {
    this.host = host;
  }

  /** `pulumi preview` (preview: true) or `pulumi up` (preview: false). */
  async run(options: RunOptions): Promise<RunResult> {
    const result: RunResult = { steps: [], failures: [], errors: [] };
    const registrations = new Map<string, Registration>();
    const engine = this;
    // Registration failures the stand-in reported (check failures, a failed create): the program sees them again as
    // rejected outputs, which are no news.
    const reported: string[] = [];
    // The engine ends a deployment at the first failed step: the resources waiting on the failed one's outputs are
    // never registered, and their registrations stay pending. So waiting stops at a failure.
    let failed: () => void = () => undefined;
    const failure = new Promise<void>((resolve) => (failed = resolve));
    this.pulumi.runtime.setAllConfig(options.config ?? {});
    await this.pulumi.runtime.setMocks(
      {
        async newResource(args) {
          const urn = `urn:pulumi:${engine.stack}::${engine.project}::${args.type}::${args.name}`;
          if (!args.type.startsWith(DYNAMIC_TYPE_PREFIX)) return { id: `${args.name}-id`, state: args.inputs };
          const values = deepUnwrap(args.inputs) as Props;
          const registration = registrations.get(`${args.type}::${args.name}`);
          const secretInputs = registration?.secretInputs ?? [];
          const secretOutputs = [...new Set([...secretInputs, ...(registration?.additionalSecretOutputs ?? [])])];
          try {
            return await engine.register(
              urn,
              args.type,
              args.name,
              values,
              { secretInputs, secretOutputs },
              options.preview,
              result,
            );
          } catch (error) {
            reported.push((error as Error).message);
            failed();
            throw error;
          }
        },
        call: (args) => args.inputs,
      },
      this.project,
      this.stack,
      options.preview,
    );
    recordRegistrations(this.pulumi, registrations);
    const rejections = await withTimeout(
      this.loadAndSettle(options.load, this.pulumi, failure),
      options.timeoutMs ?? 60_000,
      "the program did not finish registering its resources",
    );
    // The engine would have ended the program at the failure: its registrations left waiting are no leak to report
    // when this process exits (Pulumi's runtime counts them, and prints them at exit unless told so).
    if (reported.length > 0) forgetPendingRegistrations(this.pulumi);
    // As under `pulumi up`, a program that fails after it declared its resources (a throw in an apply, a rejected
    // promise nobody awaits) fails the run.
    for (const reason of rejections) {
      const message = reason instanceof Error ? reason.message : String(reason);
      if (!reported.some((known) => message.includes(known))) {
        const urn = `urn:pulumi:${this.stack}::${this.project}::pulumi:pulumi:Stack::${this.project}-${this.stack}`;
        result.errors.push({
          urn,
          type: "pulumi:pulumi:Stack",
          name: `${this.project}-${this.stack}`,
          message: `the program failed with an unhandled exception: ${message}`,
        });
      }
    }
    return result;
  }

  /** `pulumi refresh`: read every resource; an empty id removes it from the state. */
  async refresh(): Promise<RunResult> {
    const result: RunResult = { steps: [], failures: [], errors: [] };
    for (const resource of this.state.values()) {
      try {
        const read = await this.host.read(resource.id, resource.outputs);
        if (read.id === "") {
          this.state.delete(resource.urn);
          result.steps.push(deletedStep(resource));
          continue;
        }
        // This Pulumi diffs what it read against the inputs in the state, and counts a difference as updated.
        const diff = await this.host.diff(read.id, read.properties, resource.inputs);
        result.steps.push({
          op: "refresh",
          urn: resource.urn,
          type: resource.type,
          name: resource.name,
          id: read.id,
          before: resource.outputs,
          outputs: read.properties,
          differs: diff.changes === "some",
        });
        resource.outputs = read.properties;
      } catch (error) {
        result.errors.push(runError(resource, error));
      }
    }
    return result;
  }

  /** `pulumi destroy`: delete every resource with the provider stored in its state. */
  async destroy(): Promise<RunResult> {
    const result: RunResult = { steps: [], failures: [], errors: [] };
    for (const resource of [...this.state.values()].reverse()) {
      try {
        await this.host.delete(resource.id, resource.outputs);
        this.state.delete(resource.urn);
        result.steps.push(deletedStep(resource));
      } catch (error) {
        result.errors.push(runError(resource, error));
      }
    }
    return result;
  }

  /** The state as `pulumi stack export` shows it: secret values encrypted, everything else in plain text. */
  exportState(): Array<{ urn: string; type: string; id: string; inputs: Props; outputs: Props }> {
    return [...this.state.values()].map((r) => ({
      urn: r.urn,
      type: r.type,
      id: r.id,
      inputs: encryptedAt(r.inputs, r.secretInputs) as Props,
      outputs: encryptedAt(r.outputs, r.secretOutputs) as Props,
    }));
  }

  private async register(
    urn: string,
    type: string,
    name: string,
    inputs: Props,
    secrets: Secrets,
    preview: boolean,
    result: RunResult,
  ) {
    const prior = this.state.get(urn);
    const checked = await this.host.check(prior?.inputs ?? {}, inputs);
    if (checked.failures.length > 0) {
      for (const failure of checked.failures) result.failures.push({ urn, type, name, ...failure });
      throw new Error(`${name}: ${checked.failures.length} input(s) failed validation`);
    }
    if (prior) {
      const diff = await this.host.diff(prior.id, prior.outputs, checked.inputs);
      if (diff.changes === "none") {
        result.steps.push({ op: "same", urn, type, name, id: prior.id, outputs: prior.outputs });
        return { id: prior.id, state: prior.outputs };
      }
      if (diff.replaces.length === 0) return this.update(urn, type, name, prior, checked.inputs, preview, result);
      // The CLI tags a replacement with the properties whose values differ, not those the provider named.
      const differing = diff.replaces.filter(
        (key) => JSON.stringify(prior.inputs[key]) !== JSON.stringify(checked.inputs[key]),
      );
      if (preview) {
        result.steps.push({ op: "replace", urn, type, name, replacedId: prior.id, replaces: differing });
        // A replacement's id is not known before it is created: what depends on it previews a change too.
        return { id: undefined, state: checked.inputs };
      }
      // Create before delete, as the engine does unless deleteBeforeReplace is asked for.
      const created = await this.create(urn, type, name, checked.inputs, secrets, result);
      await this.host.delete(prior.id, prior.outputs);
      result.steps.push({
        op: "replace",
        urn,
        type,
        name,
        id: created.id,
        replacedId: prior.id,
        replaces: differing,
        outputs: created.properties,
      });
      return { id: created.id, state: created.properties };
    }
    if (preview) {
      result.steps.push({ op: "create", urn, type, name });
      return { id: undefined, state: checked.inputs };
    }
    const created = await this.create(urn, type, name, checked.inputs, secrets, result);
    result.steps.push({ op: "create", urn, type, name, id: created.id, outputs: created.properties });
    return { id: created.id, state: created.properties };
  }

  /** A change without replacement: the provider's update, in place; the engine shows the changed inputs. */
  private async update(
    urn: string,
    type: string,
    name: string,
    prior: ResourceState,
    inputs: Props,
    preview: boolean,
    result: RunResult,
  ) {
    const replaces = changedKeys(prior.outputs, inputs);
    if (preview) {
      result.steps.push({ op: "update", urn, type, name, id: prior.id, replaces });
      return { id: prior.id, state: { ...prior.outputs, ...inputs } };
    }
    try {
      const outputs = await this.host.update(prior.id, prior.outputs, inputs);
      prior.inputs = inputs;
      prior.outputs = outputs;
      result.steps.push({ op: "update", urn, type, name, id: prior.id, replaces, outputs });
      return { id: prior.id, state: outputs };
    } catch (error) {
      result.errors.push(runError({ urn, type, name }, error));
      throw error;
    }
  }

  private async create(urn: string, type: string, name: string, inputs: Props, secrets: Secrets, result: RunResult) {
    try {
      const created = await this.host.create(inputs);
      this.state.set(urn, { urn, type, name, id: created.id, inputs, outputs: created.properties, ...secrets });
      return created;
    } catch (error) {
      result.errors.push(runError({ urn, type, name }, error));
      throw error;
    }
  }

  /**
   * Requires the program, then waits until the runtime has no registration in flight (or one failed) and the
   * rejections it left unhandled have been reported; returns those rejections.
   */
  private async loadAndSettle(
    load: () => unknown,
    pulumi: typeof PulumiModule,
    failure: Promise<void>,
  ): Promise<unknown[]> {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      load();
      await Promise.race([(pulumi.runtime as any).waitForRPCs(), failure]);
      // Node reports an unhandled rejection once the microtasks after it have run: give it two turns of the loop.
      for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
    return rejections;
  }
}

type Secrets = Pick<ResourceState, "secretInputs" | "secretOutputs">;

function forgetPendingRegistrations(pulumi: typeof PulumiModule): void {
  const root = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [pulumiDirectory(pulumi)] }));
  (require(path.join(root, "runtime", "debuggable")) as { leakedPromises(): unknown }).leakedPromises();
}

/** Where the given copy of @pulumi/pulumi is installed (a user's project may bring its own). */
function pulumiDirectory(pulumi: typeof PulumiModule): string {
  const entry = Object.values(require.cache).find((module) => module?.exports === pulumi);
  return entry ? path.dirname(entry.filename) : process.cwd();
}

function runError(resource: Pick<ResourceState, "urn" | "type" | "name">, error: unknown): RunError {
  return { urn: resource.urn, type: resource.type, name: resource.name, message: (error as Error).message };
}

/** The top-level inputs whose value differs from the stored outputs, as the engine names an update's changes. */
function changedKeys(outputs: Props, inputs: Props): string[] {
  const keys = new Set([...Object.keys(outputs), ...Object.keys(inputs)]);
  keys.delete("__provider");
  return [...keys]
    .filter((key) => key in inputs && JSON.stringify(outputs[key]) !== JSON.stringify(inputs[key]))
    .sort();
}

function deletedStep({ urn, type, name, id }: ResourceState): Step {
  return { op: "delete", urn, type, name, id };
}

export interface Registration {
  secretInputs: string[];
  additionalSecretOutputs: string[];
}

/**
 * What the engine learns from a registration request and mocks do not pass to `newResource`: the resource's
 * `additionalSecretOutputs`, and where its inputs hold secrets (the mock's deserializer marks a whole object secret
 * when any value inside it is; the engine keeps each secret where it stands).
 */
export function recordRegistrations(pulumi: typeof PulumiModule, into: Map<string, Registration>): void {
  const monitor: any = (pulumi.runtime as any).getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: any, callback: unknown) => {
    into.set(`${request.getType()}::${request.getName()}`, {
      secretInputs: secretPathsOf(request.getObject()?.toJavaScript() ?? {}),
      additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
    });
    return register(request, callback);
  };
}

/**
 * Where the engine keeps a value secret, by the rule of its annotateSecrets: it follows objects key by key, and any
 * other value holding a secret (a list with one secret item, say) is secret whole.
 */
function secretPathsOf(value: unknown, path = ""): string[] {
  if (isSecret(value) || (Array.isArray(value) && containsSecret(value))) return [path];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => secretPathsOf(item, path ? `${path}.${key}` : key));
}

function containsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  return value !== null && typeof value === "object" && Object.values(value).some(containsSecret);
}

function encryptedAt(value: unknown, secretPaths: readonly string[], path = ""): unknown {
  if (path !== "" && secretPaths.includes(path)) {
    return { [SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, ciphertext: "[encrypted]" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, encryptedAt(item, secretPaths, path ? `${path}.${key}` : key)]),
  );
}

/** How Pulumi's mocks hand `newResource` a value not known yet. */
function isMockedUnknown(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Props).__pulumiUnknown === true;
}

function isOutputValue(value: unknown): value is { value?: unknown } {
  return (
    typeof value === "object" && value !== null && (value as Props)[SECRET_SIGNATURE_KEY] === OUTPUT_VALUE_SIGNATURE
  );
}

function isSecret(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Props)[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** What the engine sends a provider for a value not known yet (and Pulumi's mocks write as an output value). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const OUTPUT_VALUE_SIGNATURE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** The values as the engine hands them to a provider: secrets unwrapped, output values as their value or unknown. */
function deepUnwrap(value: unknown): unknown {
  if (isSecret(value)) return deepUnwrap(value.value);
  if (isOutputValue(value)) return "value" in value ? deepUnwrap(value.value) : UNKNOWN;
  if (isMockedUnknown(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map(deepUnwrap);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, deepUnwrap(v)]),
    );
  }
  return value;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms))),
  ]);
}
