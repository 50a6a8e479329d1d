/**
 * The serialized provider (`__provider`) that Pulumi stores in the state of every resource, twice, and that the
 * engine runs for read and delete long after the program changed. Two forms:
 *
 * - Installed from npm, a resource hands Pulumi a shim module's exports (`provider/shims/<name>.ts`), and Pulumi's
 *   serializer writes that as one `require("pulumi-volcengine-sms/shims/<name>")`: about 250 bytes. The package keeps
 *   that subpath and the module's seven method names forever.
 * - Anywhere else (a checkout, `npm link`, a nested or pnpm-style install the serializer would name by a path that
 *   does not resolve from the project), a copy of the shim, which the serializer writes by value: seven one-line
 *   methods that call `require("pulumi-volcengine-sms/runtime").dispatch(type, method, args)` (about 2 KB).
 *
 * Either way nothing of the machine (no path, no credential) and no code of the resource is in the text: the host
 * loads the runtime by package name from the project's node_modules when a method runs.
 */
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import type { Method } from "./dispatch";

export const PACKAGE_NAME = "pulumi-volcengine-sms";

/**
 * The provider object for one resource type. Each method requires the runtime when it runs in the provider host: the
 * serializer copies what a function captures into the state by value, and the runtime (zod's schemas among it)
 * cannot be serialized.
 */
export function shimOf(resourceType: string): pulumi.dynamic.ResourceProvider {
  const method =
    (name: Method) =>
    (...args: unknown[]) =>
      require("pulumi-volcengine-sms/runtime").dispatch(resourceType, name, args);
  return {
    configure: method("configure"),
    check: method("check"),
    diff: method("diff"),
    create: method("create"),
    read: method("read"),
    update: method("update"),
    delete: method("delete"),
  };
}

/** What to hand `pulumi.dynamic.Resource` for a shim module's exports: itself, or a copy written by value. */
export function storedProvider(shim: pulumi.dynamic.ResourceProvider): pulumi.dynamic.ResourceProvider {
  const file = Object.values(require.cache).find((entry) => entry?.exports === shim)?.filename;
  return file !== undefined && serializesAsPackageReference(file) ? shim : { ...shim };
}

/**
 * The path inside this package that Pulumi's serializer will name `file` by, or undefined when it would not name it
 * by package: it takes the part after the first `node_modules` of the path relative to the working directory, so
 * the package must be a direct dependency there (not `node_modules/x/node_modules/…`, not `.pnpm/…`).
 */
export function packageSubpathOf(file: string, cwd: string): string | undefined {
  const parts = path.relative(cwd, file).split(path.sep);
  const at = parts.indexOf("node_modules");
  if (at < 0 || parts[at + 1] !== PACKAGE_NAME) return undefined;
  return parts.slice(at + 2).join("/");
}

function serializesAsPackageReference(file: string, cwd = process.cwd()): boolean {
  const subpath = packageSubpathOf(file, cwd);
  if (subpath === undefined) return false;
  const root = file.slice(0, file.length - subpath.length - 1);
  try {
    // The serializer maps the file to an export of the package @pulumi/pulumi resolves: it must be this very copy.
    const pulumiRoot = path.dirname(require.resolve("@pulumi/pulumi"));
    const seen = require.resolve(`${PACKAGE_NAME}/package.json`, { paths: [pulumiRoot] });
    const exported = Object.values(require(seen).exports ?? {});
    return path.dirname(seen) === root && exported.includes(`./${subpath}`);
  } catch {
    return false;
  }
}
