/**
 * The one table from resource type to implementation (pulumi-awsx's resources.ts habit). Each entry is loaded when
 * the provider host first calls a method of that type, so a preview of qualifications never loads the template's
 * rules. A type listed here is a name stored shims dispatch to: it stays in every later release.
 */
import type { ResourceRuntime } from "../engine/resource-runtime";

const RUNTIMES = {
  SmsSignatureIdent: () => (require("./qualification/runtime") as typeof import("./qualification/runtime")).runtime,
} satisfies Record<string, () => ResourceRuntime>;

export type ResourceType = keyof typeof RUNTIMES;
export const RESOURCE_TYPES = Object.keys(RUNTIMES) as ResourceType[];

const loaded = new Map<string, ResourceRuntime>();

export function resourceRuntime(resourceType: string): ResourceRuntime | undefined {
  if (!Object.hasOwn(RUNTIMES, resourceType)) return undefined;
  let runtime = loaded.get(resourceType);
  if (!runtime) {
    runtime = RUNTIMES[resourceType as ResourceType]();
    loaded.set(resourceType, runtime);
  }
  return runtime;
}
