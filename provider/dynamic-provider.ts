import type * as pulumi from "@pulumi/pulumi";
import type * as Runtime from "./runtime";

type Method = "configure" | "check" | "diff" | "create" | "read" | "update" | "remove";

/**
 * What Pulumi serializes into `__provider` for every resource. Each method requires the runtime by package name
 * when it runs in the provider host, instead of capturing our modules: Pulumi's closure serializer would copy
 * local modules (and zod's schemas, which it cannot serialize) into state by value, with paths of this machine.
 * The host resolves the name from the project directory's node_modules, where the user's program installed us.
 *
 * The text is stored twice per resource (inputs and outputs) and Pulumi wraps every function in it in about 150
 * bytes, so each method is one short call of `invoke`, the one function that loads the runtime. (Its name must not be
 * a global of the process that serializes it: the serializer leaves globals out, and mocha defines `run`.)
 */
export const signatureIdentProvider: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => invoke("configure", args),
  check: (...args) => invoke("check", args),
  diff: (...args) => invoke("diff", args),
  create: (...args) => invoke("create", args),
  read: (...args) => invoke("read", args),
  update: () => invoke("update", []),
  delete: (...args) => invoke("remove", args),
};

/** Calls `method` of the runtime with the arguments the host passed, as given (the engine's values are `any`). */
function invoke<M extends Method>(method: M, args: unknown[]): ReturnType<(typeof Runtime)[M]> {
  let runtime: typeof Runtime;
  try {
    runtime = require("pulumi-volcengine-sms/runtime");
  } catch (error) {
    // Short: this text is stored twice in the state of every resource.
    throw new Error(`npm install pulumi-volcengine-sms in ${process.cwd()}: ${(error as Error).message}`);
  }
  return (runtime[method] as (...a: unknown[]) => ReturnType<(typeof Runtime)[M]>)(...args);
}
