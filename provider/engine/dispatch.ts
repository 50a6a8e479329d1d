/**
 * From a provider method the host called to the resource's runtime: the one path every shim takes, old or new. It
 * keeps the stack config `configure` gave, builds each resource type's Context, removes `__provider` from what the
 * runtime sees (the host puts it back into every result) and keeps check's promise never to throw.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { redact } from "../redact";
import { readStackConfig, type StackSettings } from "../settings/table";
import { Lookups } from "./batched-lookup";
import { Capabilities, type Context, createContext } from "./context";
import { type Props, withoutProvider } from "./inputs";
import type { ResourceRuntime } from "./resource-runtime";

/** The methods a shim can call; `delete` is `remove` among the frozen names of runtime.ts. */
export const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;
export type Method = (typeof METHODS)[number];

/** What Pulumi's `ConfigureRequest` holds; only `config.get` is used. */
export interface ConfigureRequest {
  config: { get(key: string): string | undefined };
}

export interface Dispatcher {
  configure(request: ConfigureRequest): Promise<void>;
  dispatch(resourceType: string, method: Method, args: readonly unknown[]): Promise<unknown>;
}

export function createDispatcher(runtimeOf: (resourceType: string) => ResourceRuntime | undefined): Dispatcher {
  let stackSettings: StackSettings = {};
  const capabilities = new Capabilities();
  let lookups = new Lookups();
  const contexts = new Map<string, Context>();
  const contextFor = (resourceType: string): Context => {
    let context = contexts.get(resourceType);
    if (!context) {
      context = createContext({ resourceType, stackSettings, capabilities, lookups });
      contexts.set(resourceType, context);
    }
    return context;
  };

  const configure = async (request: ConfigureRequest) => {
    stackSettings = readStackConfig(request.config);
    // The lookups' requests are signed with the settings: new settings, new lookups.
    lookups = new Lookups();
    contexts.clear();
  };

  return {
    configure,
    async dispatch(resourceType, method, args) {
      if (method === "configure") return configure(args[0] as ConfigureRequest);
      const runtime = runtimeOf(resourceType);
      if (runtime === undefined) {
        throw new Error(
          `the installed pulumi-volcengine-sms has no resource type ${resourceType}: the state was written by a ` +
            "newer release; install that release or a later one (npm install pulumi-volcengine-sms@latest)",
        );
      }
      const context = contextFor(resourceType);
      const props = (index: number) => withoutProvider((args[index] ?? {}) as Props);
      const id = String(args[0] ?? "");
      switch (method) {
        case "check":
          return checkWithoutThrowing(runtime, props(0), props(1), context);
        case "diff":
          return runtime.diff(id, props(1), props(2), context);
        case "create":
          return runtime.create(props(0), context);
        case "read":
          return runtime.read(id, props(1), context);
        case "update":
          return runtime.update(id, props(1), props(2), context);
        case "delete":
          return runtime.delete(id, props(1), context);
        default:
          throw new Error(`pulumi-volcengine-sms: no provider method ${String(method)}`);
      }
    },
  };
}

async function checkWithoutThrowing(
  runtime: ResourceRuntime,
  olds: Props,
  news: Props,
  context: Context,
): Promise<dynamic.CheckResult> {
  try {
    const { inputs, failures = [] } = await runtime.check(olds, news, context);
    return { inputs, failures: failures.map(atResourceLevel) };
  } catch (error) {
    // check must answer whatever the program passes; a failure here is ours, not the user's.
    return {
      inputs: news,
      failures: [{ property: "", reason: `the inputs could not be validated: ${redact(String(error))}` }],
    };
  }
}

/**
 * A failure as the engine gets it: with no property, the reason starting with the full path. Given a property, the
 * engine prints that input's whole value before the reason (a person with their scans' paths and digests, one
 * unreadable line per failure), and `--show-secrets` prints the ID numbers and mobiles in it in plain text.
 */
function atResourceLevel(failure: dynamic.CheckFailure): dynamic.CheckFailure {
  return { property: "", reason: failure.reason };
}
