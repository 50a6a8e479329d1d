/**
 * The one table from resource type to implementation (pulumi-awsx's resources.ts habit). Each runtime is loaded when
 * the provider host first calls a method of that type, so a preview of qualifications never loads another
 * resource's rules. A type listed here is a name stored shims dispatch to, and its shim module a subpath state
 * requires (`pulumi-volcengine-sms/shims/<shimModule>`): both stay in every later release.
 */
import type { ResourceRuntime } from "../engine/resource-runtime";

interface Registration {
  /** provider/shims/<shimModule>.ts, exported by package.json as `./shims/<shimModule>`. */
  shimModule: string;
  load: () => ResourceRuntime;
}

const RESOURCES = {
  SmsSignatureIdent: {
    shimModule: "sms-signature-ident",
    load: () => (require("./qualification/runtime") as typeof import("./qualification/runtime")).runtime,
  },
  SmsSignature: {
    shimModule: "sms-signature",
    load: () => (require("./signature/runtime") as typeof import("./signature/runtime")).runtime,
  },
  SmsTemplate: {
    shimModule: "sms-template",
    load: () => (require("./template/runtime") as typeof import("./template/runtime")).runtime,
  },
} satisfies Record<string, Registration>;

export type ResourceType = keyof typeof RESOURCES;
export const RESOURCE_TYPES = Object.keys(RESOURCES) as ResourceType[];

export function shimModuleOf(resourceType: ResourceType): string {
  return RESOURCES[resourceType].shimModule;
}

const loaded = new Map<string, ResourceRuntime>();

export function resourceRuntime(resourceType: string): ResourceRuntime | undefined {
  if (!Object.hasOwn(RESOURCES, resourceType)) return undefined;
  let runtime = loaded.get(resourceType);
  if (!runtime) {
    runtime = RESOURCES[resourceType as ResourceType].load();
    loaded.set(resourceType, runtime);
  }
  return runtime;
}
