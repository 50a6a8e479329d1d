import assert from "node:assert/strict";
import fc from "fast-check";
import { MAX_FAILURES_PER_PROPERTY } from "../../provider/check/limits";
import { checkSignatureIdentBody } from "../../provider/resources/qualification/check";
import { MAX_LIST_ITEMS } from "../../provider/resources/qualification/limits";
import { INPUT_PROPERTIES } from "../../provider/resources/qualification/types";
import { validInputs } from "../support/fixtures/qualification";
import { hostileText, oddNumber, UNPRINTABLE } from "../support/hostile";

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
  current[path[path.length - 1]!] = value;
}

/** A check taking this long is a hang: the property fails instead of the suite timing out. */
const HANG_MS = 5000;

function assertWellFormed(body: unknown) {
  let failures;
  const started = Date.now();
  try {
    failures = checkSignatureIdentBody(body);
  } catch (error) {
    throw new Error(`check threw: ${(error as Error).stack}`);
  }
  assert.ok(Date.now() - started < HANG_MS, `check took over ${HANG_MS} ms`);
  const perProperty = new Map<string, number>();
  for (const failure of failures) {
    perProperty.set(failure.property, (perProperty.get(failure.property) ?? 0) + 1);
    assert.doesNotMatch(
      `${failure.property} ${failure.reason}`,
      UNPRINTABLE,
      "a failure carries an unprintable character",
    );
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
  for (const [property, count] of perProperty) {
    assert.ok(count <= MAX_FAILURES_PER_PROPERTY + 1, `${count} failures on ${property}`);
  }
  return failures;
}

function valueIn(root: any, path: Array<string | number>): any {
  return path.reduce((value, segment) => value[segment], root);
}

/** Every path that holds a string, and a number, in the valid inputs: each is hostile ground. */
const textPaths = validPaths.filter((path) => typeof valueIn(validInputs(), path) === "string");
const numberPaths = validPaths.filter((path) => typeof valueIn(validInputs(), path) === "number");

/**
 * The valid inputs with `value` at `path`, checked: the failures, asserted well-formed and not repeating a generated
 * string long enough not to be mistaken for words of the rule.
 */
function checkWith(path: Array<string | number>, value: unknown) {
  const body = validInputs();
  setAt(body, path, value);
  const failures = assertWellFormed(body);
  if (typeof value === "string" && value.length >= 5) {
    for (const failure of failures) assert.ok(!failure.reason.includes(value), `a reason repeats the value`);
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

  it("hostile text in any string field: named, never echoed, nothing unprintable printed (3,000 cases)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...textPaths), hostileText, (path, value) => {
        const failures = checkWith(path, value);
        // Every hostile class is refused; ordinary characters and inner spaces may pass in a name.
        if (UNPRINTABLE.test(value.replace(/[\u200b-\u200d\u2060\ufeff]/g, ""))) {
          assert.ok(failures.length > 0, `accepted ${JSON.stringify(value)} at ${path.join(".")}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("quoted numbers, NaN and Infinity where a number goes: a failure that says which (1,000 cases)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...numberPaths), oddNumber, (path, value) => {
        const failures = checkWith(path, value);
        const reasons = failures.map((f) => f.reason).join("\n");
        if (typeof value === "number" && !Number.isFinite(value)) assert.match(reasons, new RegExp(String(value)));
        if (typeof value === "string" && /^-?\d{1,3}$/.test(value)) {
          assert.ok(reasons.includes(`got the string "${value}"`), reasons);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("Object.prototype's names and __proto__ as keys, anywhere: unknown properties, never a borrowed label", () => {
    const objectPaths = [
      [],
      ...validPaths.filter((path) => {
        const value = valueIn(validInputs(), path);
        return value !== null && typeof value === "object" && !Array.isArray(value);
      }),
    ];
    const names = ["__proto__", ...Object.getOwnPropertyNames(Object.prototype)];
    // A value not known yet in preview is never judged, under any key.
    const known = oddValue.filter((value) => value !== "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    fc.assert(
      fc.property(fc.constantFrom(...objectPaths), fc.constantFrom(...names), known, (path, key, value) => {
        const body = validInputs();
        const holder = valueIn(body, path);
        // As JSON.parse creates it: an own key, even for __proto__.
        Object.defineProperty(holder, key, { value, enumerable: true, configurable: true, writable: true });
        const failures = assertWellFormed(body);
        const where = [...path, key]
          .map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`))
          .join("")
          .slice(1);
        const mine = failures.filter((f) => f.reason.startsWith(`${where}:`));
        assert.deepEqual(
          mine.map((f) => f.reason),
          [`${where}: is not a property of this object (check the spelling)`],
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("lists of any length with bad items: the maximum named, failures capped per property (300 cases)", () => {
    const lists = Object.keys(MAX_LIST_ITEMS) as Array<keyof typeof MAX_LIST_ITEMS>;
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.nat({ max: 400 }), hostileText, (list, length, item) => {
        const body = validInputs();
        const items = Array.from({ length }, () => (list === "effectSignatures" ? item : { fileUrl: item }));
        if (list === "personCertificate") body.operatorPerson.personCertificate = items;
        else body[list] = items;
        const failures = assertWellFormed(body);
        if (item.length >= 5) for (const failure of failures) assert.ok(!failure.reason.includes(item));
        const reasons = failures.map((f) => f.reason).join("\n");
        if (length > MAX_LIST_ITEMS[list])
          assert.match(reasons, new RegExp(`must have at most ${MAX_LIST_ITEMS[list]} items`));
      }),
      { numRuns: 300 },
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

describe("check: a key given as JSON", () => {
  it('names "__proto__" given as JSON as an unknown property, at the top and nested', () => {
    const inputs = validInputs();
    const nested = JSON.stringify(inputs.operatorPerson).slice(1);
    inputs.operatorPerson = JSON.parse(`{"__proto__":{"certificateType":1},${nested}`);
    const top = JSON.parse(`{"__proto__":{"materialName":"x"},${JSON.stringify(inputs).slice(1)}`);
    assert.deepEqual(
      checkSignatureIdentBody(top)
        .map((f) => f.reason)
        .sort(),
      [
        "__proto__: is not a property of this object (check the spelling)",
        "operatorPerson.__proto__: is not a property of this object (check the spelling)",
      ],
    );
  });
});

describe("check: shapes fast-check found", () => {
  it("a list given as an object whose length is an object without a prototype is a failure, not a throw", () => {
    const body = { ...validInputs(), effectSignatures: { length: Object.create(null) } };
    assert.deepEqual(
      checkSignatureIdentBody(body).map((f) => f.reason),
      ["effectSignatures: must be an array, not an object (适用签名)"],
    );
  });
});
