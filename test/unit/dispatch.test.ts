import assert from "node:assert/strict";
import * as path from "node:path";
import { createDispatcher } from "../../provider/engine/dispatch";
import type { ResourceRuntime } from "../../provider/engine/resource-runtime";
import { packageSubpathOf } from "../../provider/engine/shim";

/** A runtime that records what it was given and answers with what the test wants. */
function recordingRuntime(check: ResourceRuntime["check"]): { runtime: ResourceRuntime; seen: unknown[] } {
  const seen: unknown[] = [];
  const record = async (...args: unknown[]) => {
    seen.push(args.slice(0, -1));
    return { id: "1", outs: {}, props: {} } as never;
  };
  return {
    seen,
    runtime: { type: "SmsTest", check, diff: record, create: record, read: record, update: record, delete: record },
  };
}

describe("engine: dispatch from a stored shim to a resource's runtime", () => {
  it("hands the runtime the inputs without __provider, and the context of its type", async () => {
    const { runtime, seen } = recordingRuntime(async (_olds, news) => ({ inputs: news }));
    const dispatcher = createDispatcher((type) => (type === "SmsTest" ? runtime : undefined));
    await dispatcher.dispatch("SmsTest", "create", [{ a: 1, __provider: "text" }]);
    await dispatcher.dispatch("SmsTest", "read", ["1", { a: 1, __provider: "text" }]);
    assert.deepEqual(seen, [[{ a: 1 }], ["1", { a: 1 }]]);
  });

  it("reports check failures at resource level, the path in the reason; a throwing check as a failure", async () => {
    const failing = recordingRuntime(async () => ({
      failures: [{ property: "person", reason: "person.mobile: bad" }],
    }));
    const dispatcher = createDispatcher(() => failing.runtime);
    const result = await dispatcher.dispatch("SmsTest", "check", [{}, { person: {} }]);
    assert.deepEqual((result as { failures: unknown }).failures, [{ property: "", reason: "person.mobile: bad" }]);

    const throwing = recordingRuntime(async () => {
      throw new Error("boom 13800138000");
    });
    const answer = await createDispatcher(() => throwing.runtime).dispatch("SmsTest", "check", [{}, { x: 1 }]);
    assert.deepEqual(answer, {
      inputs: { x: 1 },
      failures: [{ property: "", reason: "the inputs could not be validated: Error: boom [redacted mobile]" }],
    });
  });

  it("names a resource type this release lacks, and what to install", async () => {
    await assert.rejects(
      createDispatcher(() => undefined).dispatch("SmsFuture", "read", ["1", {}]),
      /has no resource type SmsFuture: the state was written by a newer release/,
    );
  });
});

describe("engine: which shim form a resource stores", () => {
  const project = path.join(path.sep, "p");
  const shim = (...parts: string[]) => path.join(project, ...parts, "dist", "provider", "shims", "x.js");

  it("the package reference only for a direct dependency of the project", () => {
    assert.equal(packageSubpathOf(shim("node_modules", "pulumi-volcengine-sms"), project), "dist/provider/shims/x.js");
    assert.equal(
      packageSubpathOf(shim("node_modules", "pulumi-volcengine-sms"), path.join(project, "examples")),
      "dist/provider/shims/x.js",
      "a program in a folder of the project",
    );
  });

  it("by value for a checkout, a nested install and a pnpm store, which the serializer would name by path", () => {
    assert.equal(packageSubpathOf(shim(), project), undefined);
    assert.equal(
      packageSubpathOf(shim("node_modules", "other", "node_modules", "pulumi-volcengine-sms"), project),
      undefined,
    );
    assert.equal(
      packageSubpathOf(
        shim("node_modules", ".pnpm", "pulumi-volcengine-sms@0.2.0", "node_modules", "pulumi-volcengine-sms"),
        project,
      ),
      undefined,
    );
  });
});
