import type * as pulumi from "@pulumi/pulumi";
import type * as Runtime from "./runtime";

/**
 * What Pulumi serializes into `__provider` for every resource. Each method requires the runtime by package name
 * when it runs in the provider host, instead of capturing our modules: Pulumi's closure serializer would copy
 * local modules (and zod's schemas, which it cannot serialize) into state by value, with paths of this machine.
 * The host resolves the name from the project directory's node_modules, where the user's program installed us.
 */
export const signatureIdentProvider: pulumi.dynamic.ResourceProvider = {
  configure: (req) => loadRuntime().configure(req),
  check: (olds, news) => loadRuntime().check(olds, news),
  diff: (id, olds, news) => loadRuntime().diff(id, olds, news),
  create: (inputs) => loadRuntime().create(inputs),
  read: (id, props) => loadRuntime().read(id, props),
  update: () => loadRuntime().update(),
  delete: (id, props) => loadRuntime().remove(id, props),
};

function loadRuntime(): typeof Runtime {
  try {
    return require("pulumi-volcengine-sms/runtime");
  } catch (error) {
    throw new Error(
      `the provider host cannot load pulumi-volcengine-sms/runtime from ${process.cwd()}: ` +
        `install pulumi-volcengine-sms in the Pulumi project (npm install pulumi-volcengine-sms) (${(error as Error).message})`,
    );
  }
}
