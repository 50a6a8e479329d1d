import assert from "node:assert/strict";
import fc from "fast-check";
import { checkSignatureIdentBody } from "../../provider/schema/check";
import { INPUT_PROPERTIES } from "../../provider/types";
import { validInputs } from "../support/fixtures";

/** Odd values: wrong types, nulls, huge and odd-unicode strings, deep nesting. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 4,
    withNullPrototype: false,
    withBigInt: false,
    withBoxedValues: false,
    withSparseArray: false,
    withTypedArray: false,
    withMap: false,
    withSet: false,
    withDate: false,
  }),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e",
    "😀".repeat(21),
    "X".repeat(100_000),
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "NaN",
    "1e400",
  ),
  fc.constantFrom(null, undefined, NaN, Infinity, -0, 1.5, -1, 2 ** 53 + 1),
  fc.letrec((tie) => ({
    deep: fc.oneof(
      { depthSize: "small" },
      fc.constant("leaf"),
      fc.array(tie("deep"), { maxLength: 2 }),
      fc.dictionary(fc.string(), tie("deep"), { maxKeys: 2 }),
    ),
  })).deep,
);

/** Every path to a value inside the valid inputs. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (value !== null && typeof value === "object")
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}
const validPaths = pathsOf(validInputs());

function setAt(root: any, path: Array<string | number>, value: unknown): void {
  let current = root;
  for (const segment of path.slice(0, -1)) current = current[segment];
  current[path[path.length - 1]] = value;
}

function assertWellFormed(body: unknown) {
  let failures;
  try {
    failures = checkSignatureIdentBody(body);
  } catch (error) {
    throw new Error(`check threw: ${(error as Error).stack}`);
  }
  for (const failure of failures) {
    assert.ok(
      typeof failure.property === "string" && failure.property !== "",
      `a failure without a property: ${failure.reason}`,
    );
    assert.ok(
      failure.reason.startsWith(`${failure.property}:`) ||
        failure.reason.startsWith(`${failure.property}.`) ||
        failure.reason.startsWith(`${failure.property}[`),
      `the reason does not start with its property's path: ${JSON.stringify(failure)}`,
    );
  }
  return failures;
}

describe("check, property-based: never throws, every failure names a property", function () {
  this.timeout(120_000);

  it("valid inputs with one value anywhere replaced by an odd one (3,000 cases)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...validPaths), oddValue, (path, value) => {
        const body = validInputs();
        setAt(body, path, value);
        assertWellFormed(body);
      }),
      { numRuns: 3000 },
    );
  });

  it("objects of the known properties with odd values, and unknown properties (2,000 cases)", () => {
    const key = fc.oneof(fc.constantFrom(...INPUT_PROPERTIES), fc.string({ minLength: 1, maxLength: 12 }));
    fc.assert(
      fc.property(fc.dictionary(key, oddValue, { maxKeys: 12 }), (body) => {
        assertWellFormed(body);
      }),
      { numRuns: 2000 },
    );
  });

  it("a random string put where an ID number, mobile or file content goes is never repeated in a reason", () => {
    const where = [
      ["operatorPerson", "personIDCard"],
      ["responsiblePersonInfo", "personMobile"],
      ["businessInfo", "businessCertificate", "fileContent"],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...where),
        fc.string({ minLength: 6, maxLength: 30 }).filter((s) => /^[\w+/=-]+$/.test(s)),
        (path, secret) => {
          const body = validInputs();
          setAt(body, path, secret);
          for (const failure of assertWellFormed(body))
            assert.ok(!failure.reason.includes(secret), `a reason repeats the value: ${failure.reason}`);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
