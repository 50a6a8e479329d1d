/**
 * What every registered resource promises, whatever it files: check never throws, values not known yet are never
 * judged, personal fields are secret wherever they stand, and the shim in its state is small, names no path and is
 * pinned. A new resource in provider/resources/registry.ts does not compile here until it has an entry.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { type Registration, recordRegistrations } from "../../harness/engine-stand-in";
import { serializeProvider } from "../../harness/provider-host";
import { UNKNOWN_VALUE } from "../../provider/engine/inputs";
import { storedProvider } from "../../provider/engine/shim";
import { SmsSignatureIdent } from "../../provider/resources/qualification/resource";
import { RESOURCE_TYPES, type ResourceType, shimModuleOf } from "../../provider/resources/registry";
import { SmsSignature } from "../../provider/resources/signature/resource";
import { SmsTemplate } from "../../provider/resources/template/resource";
import { dispatch } from "../../provider/runtime";
import { validInputs as qualificationInputs } from "../support/fixtures/qualification";
import { validSignatureInputs } from "../support/fixtures/signature";
import { validTemplateInputs } from "../support/fixtures/template";
import { REPO_ROOT } from "../support/repo-root";

type Props = Record<string, any>;

interface ContractEntry {
  validInputs(): Props;
  /** Declares the resource in a program, as a user would. */
  declare(name: string, inputs: Props): void;
  /** Keys whose values are personal (an ID number, a mobile, a scan) wherever they stand. */
  personalKeys: readonly string[];
}

const CONTRACT = {
  SmsSignatureIdent: {
    validInputs: qualificationInputs,
    declare: (name, inputs) => new SmsSignatureIdent(name, inputs as never),
    personalKeys: ["personIDCard", "personMobile", "fileContent"],
  },
  SmsSignature: {
    validInputs: validSignatureInputs,
    declare: (name, inputs) => new SmsSignature(name, inputs as never),
    personalKeys: ["fileContent"],
  },
  SmsTemplate: {
    validInputs: validTemplateInputs,
    declare: (name, inputs) => new SmsTemplate(name, inputs as never),
    personalKeys: [],
  },
} satisfies Record<ResourceType, ContractEntry>;

const FIXTURES = path.join(__dirname, "fixtures");
const BY_VALUE_LIMIT = 3 * 1024;

/** Every path of a value's leaves and of the objects and lists holding them, the value itself first. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const own = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) return [...own, ...value.flatMap((item, i) => pathsOf(item, [...at, i]))];
  if (value !== null && typeof value === "object") {
    return [...own, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
  }
  return own;
}

function setAt(root: Props, at: readonly (string | number)[], value: unknown): void {
  let holder: any = root;
  for (const segment of at.slice(0, -1)) holder = holder[segment];
  holder[at.at(-1) as string | number] = value;
}

/**
 * Where the engine keeps the registered inputs secret, from the registration request itself: Pulumi's mocks hand
 * `newResource` values already collapsed (an object with one secret inside is secret whole), the engine does not.
 */
async function registeredSecrets(entry: ContractEntry): Promise<string[]> {
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: "1", state: args.inputs }), call: (args) => args.inputs },
    "contract",
    "dev",
    false,
  );
  const registrations = new Map<string, Registration>();
  recordRegistrations(pulumi, registrations);
  entry.declare("contract", entry.validInputs());
  await (pulumi.runtime as any).waitForRPCs();
  const [registration] = registrations.values();
  assert.ok(registration, "the resource registered nothing");
  return registration.secretInputs;
}

/** The paths of the personal fields, a list holding one counted whole (the engine's rule for secrets in lists). */
function personalPaths(value: unknown, keys: readonly string[], at = ""): string[] {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.some((item) => personalPaths(item, keys).length > 0) ? [at] : [];
  return Object.entries(value).flatMap(([key, item]) => {
    const here = at ? `${at}.${key}` : key;
    return keys.includes(key) ? [here] : personalPaths(item, keys, here);
  });
}

it("every registered resource has a contract entry", () => {
  assert.deepEqual(Object.keys(CONTRACT).sort(), [...RESOURCE_TYPES].sort());
});

for (const resourceType of RESOURCE_TYPES) {
  const entry: ContractEntry = CONTRACT[resourceType];
  const check = (news: unknown) => dispatch(resourceType, "check", [{}, news]) as Promise<pulumi.dynamic.CheckResult>;

  describe(`the contract of ${resourceType}`, () => {
    it("check never throws: any value anywhere gets failures at resource level, each with a reason", async () => {
      const leaves = pathsOf(entry.validInputs());
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...leaves), fc.anything(), async (at, value) => {
          const inputs = entry.validInputs();
          setAt(inputs, at, value);
          const result = await check(inputs);
          for (const failure of result.failures ?? []) {
            assert.equal(failure.property, "");
            assert.ok(failure.reason.length > 0);
          }
        }),
        { numRuns: 300 },
      );
    });

    it("values not known yet are never judged, at any depth", async () => {
      assert.deepEqual((await check(entry.validInputs())).failures, []);
      for (const at of pathsOf(entry.validInputs())) {
        const inputs = entry.validInputs();
        setAt(inputs, at, UNKNOWN_VALUE);
        assert.deepEqual((await check(inputs)).failures, [], `a value not known yet at ${at.join(".")} was judged`);
      }
    });

    it("personal fields are registered as secrets where they stand, and nothing else is", async () => {
      const expected = personalPaths(entry.validInputs(), entry.personalKeys).sort();
      assert.equal(
        expected.length > 0,
        entry.personalKeys.length > 0,
        "the fixture holds the resource's personal fields",
      );
      assert.deepEqual((await registeredSecrets(entry)).sort(), expected);
    });

    it("stores a small shim naming no path, exported by the package and pinned in test/contract", async () => {
      const shimModule = shimModuleOf(resourceType);
      const shim = require(path.join(REPO_ROOT, "provider", "shims", shimModule));
      const byValue = await serializeProvider(storedProvider(shim));
      assert.ok(Buffer.byteLength(byValue) <= BY_VALUE_LIMIT, `the by-value shim is ${byValue.length} bytes`);
      for (const machinePath of [REPO_ROOT, os.tmpdir(), os.homedir()]) assert.ok(!byValue.includes(machinePath));
      const exportsMap = require(path.join(REPO_ROOT, "package.json")).exports;
      assert.equal(exportsMap[`./shims/${shimModule}`], `./dist/provider/shims/${shimModule}.js`);
      const pinned = fs.readFileSync(path.join(FIXTURES, `shim-0.2.0-package-${shimModule}.txt`), "utf8");
      assert.ok(pinned.includes(`require("pulumi-volcengine-sms/shims/${shimModule}")`));
    });
  });
}
