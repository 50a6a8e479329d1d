import assert from "node:assert/strict";
import fc from "fast-check";
import type { HostError, Props } from "../../harness/provider-host";
import { MAX_FAILURES_PER_PROPERTY } from "../../provider/check/limits";
import { MAX_LIST_ITEMS } from "../../provider/resources/qualification/limits";
import { propertyOf } from "../support/failures";
import { png } from "../support/fixtures/documents";
import { validInputs } from "../support/fixtures/qualification";
import { hostileText, oddNumber, UNPRINTABLE } from "../support/hostile";
import { emulatorConfig, usePeers } from "../support/peers";

function setAt(root: any, path: Array<string | number>, value: unknown): void {
  let current = root;
  for (const segment of path.slice(0, -1)) current = current[segment];
  current[path[path.length - 1]!] = value;
}

function formatPath(path: Array<string | number>): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join("");
}

// Every text field, names and identifiers alike: what each must refuse is the same.
const TEXT_FIELDS: Array<Array<string | number>> = [
  ["materialName"],
  ["businessInfo", "businessCertificateName"],
  ["businessInfo", "legalPersonName"],
  ["businessInfo", "unifiedSocialCreditIdentifier"],
  ["businessInfo", "businessCertificateValidityPeriodStart"],
  ["operatorPerson", "personName"],
  ["operatorPerson", "personIDCard"],
  ["responsiblePersonInfo", "personMobile"],
  ["effectSignatures", 0],
];

const HOSTILE_TEXT: Array<{ what: string; value: string; rule: RegExp }> = [
  { what: "a NUL", value: "示例\u0000科技", rule: /must not contain control characters/ },
  { what: "ESC[2J (clear screen)", value: "示例\u001b[2J科技", rule: /must not contain control characters/ },
  { what: "a DEL", value: "示例\u007f", rule: /must not contain control characters/ },
  { what: "a C1 CSI", value: "\u009b31m示例", rule: /must not contain control characters/ },
  { what: "a right-to-left override", value: "示例\u202etxt.exe", rule: /must not contain bidirectional controls/ },
  { what: "a left-to-right isolate", value: "\u2066示例\u2069", rule: /must not contain bidirectional controls/ },
  { what: "a right-to-left mark", value: "示例\u200f", rule: /must not contain bidirectional controls/ },
];

const INVISIBLE_NAMES: Array<{ what: string; value: string; rule: RegExp }> = [
  { what: "only zero-width spaces", value: "\u200b\u200b\u200b", rule: /must contain a visible character/ },
  { what: "only an ideographic space", value: "\u3000", rule: /must contain a visible character/ },
  { what: "only a Hangul filler and a BOM", value: "\u3164\ufeff", rule: /must contain a visible character/ },
  { what: "a leading space", value: " 示例科技", rule: /must not start or end with whitespace/ },
];
const NAME_FIELDS = TEXT_FIELDS.filter((path) => /Name$|^effectSignatures$/.test(String(path[path.length - 2])));

describe("hostile input through Pulumi's provider host: refused in check, never echoed, host still answering", () => {
  const peers = usePeers();
  const check = (inputs: Props) => peers.host.check({}, { ...inputs, __provider: peers.providerText });

  /** All failures, after asserting that nothing printed carries a raw control or bidi character. */
  async function printableFailures(inputs: Props) {
    const { failures } = await check(inputs);
    for (const failure of failures) {
      assert.doesNotMatch(failure.reason, UNPRINTABLE, `a reason carries an unprintable character`);
      assert.doesNotMatch(failure.property, UNPRINTABLE);
    }
    assert.equal(peers.host.exited, false);
    return failures;
  }

  async function failuresOf(inputs: Props, property: string) {
    return (await printableFailures(inputs)).filter((failure) => propertyOf(failure) === property);
  }

  for (const path of TEXT_FIELDS) {
    for (const { what, value, rule } of HOSTILE_TEXT) {
      it(`${formatPath(path)} with ${what} is refused, naming the rule, without the value`, async () => {
        const inputs = validInputs();
        setAt(inputs, path, value);
        const failures = await failuresOf(inputs, String(path[0]));
        assert.equal(failures.length, 1, JSON.stringify(failures));
        assert.ok(failures[0]!.reason.startsWith(`${formatPath(path)}: `), failures[0]!.reason);
        assert.match(failures[0]!.reason, rule);
        assert.ok(!failures[0]!.reason.includes(value.replace(UNPRINTABLE, "")), "the reason repeats the value");
      });
    }
  }

  for (const path of NAME_FIELDS) {
    for (const { what, value, rule } of INVISIBLE_NAMES) {
      it(`${formatPath(path)} of ${what} is refused`, async () => {
        const inputs = validInputs();
        setAt(inputs, path, value);
        const [failure, ...more] = await failuresOf(inputs, String(path[0]));
        assert.ok(failure, "no failure");
        assert.equal(more.length, 0);
        assert.match(failure.reason, rule);
      });
    }
  }

  it("property-based: hostile text and odd numbers anywhere, 300 cases, each answered within 5 s", async () => {
    const numberFields = [
      ["purpose"],
      ["operatorPerson", "certificateType"],
      ["businessInfo", "businessCertificateType"],
    ];
    const hostile = fc.oneof(
      fc.tuple(fc.constantFrom(...TEXT_FIELDS), hostileText as fc.Arbitrary<unknown>),
      fc.tuple(fc.constantFrom(...numberFields), oddNumber),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async ([path, value]) => {
        const inputs = validInputs();
        setAt(inputs, path, value);
        for (const failure of await printableFailures(inputs)) {
          assert.ok(failure.property === "" && propertyOf(failure) !== "", failure.reason);
          if (typeof value === "string" && value.length >= 5) assert.ok(!failure.reason.includes(value));
        }
      }),
      { numRuns: 300, timeout: 5000 },
    );
    assert.deepEqual((await check(validInputs())).failures, [], "the host still answers a valid check");
  });

  it("materialName is checked as sent: 20 characters and a trailing space are refused, not trimmed", async () => {
    const [failure] = await failuresOf(validInputs({ materialName: `${"资".repeat(20)} ` }), "materialName");
    assert.ok(failure, "no failure");
    assert.match(failure.reason, /^materialName: must not start or end with whitespace/);
    assert.deepEqual((await check(validInputs({ materialName: "资 质".repeat(5) }))).failures, []);
  });

  const URLS: Array<{ what: string; url: string; rule: RegExp }> = [
    { what: "ftp", url: "ftp://example.com/a.png", rule: /must be an http:\/\/ or https:\/\/ URL/ },
    { what: "javascript:", url: "javascript:alert(1)", rule: /must be an http:\/\/ or https:\/\/ URL/ },
    { what: "a file: URL", url: "file:///etc/passwd", rule: /must be an http:\/\/ or https:\/\/ URL/ },
    { what: "a user and password", url: "https://scanner:s3cret@example.com/a.png", rule: /must not carry a user/ },
    { what: "a user alone", url: "https://scanner@example.com/a.png", rule: /must not carry a user/ },
    { what: "a newline the URL parser would drop", url: "https://exa\nmple.com/a.png", rule: /control characters/ },
    { what: "a space", url: "https://example.com/my scan.png", rule: /must not contain whitespace/ },
  ];
  for (const { what, url, rule } of URLS) {
    it(`fileUrl with ${what} is refused`, async () => {
      const inputs = validInputs();
      inputs.businessInfo.businessCertificate = { fileType: 1, fileSuffix: "png", fileUrl: url };
      const failures = await failuresOf(inputs, "businessInfo");
      assert.equal(failures.length, 1, JSON.stringify(failures));
      assert.match(failures[0]!.reason, /^businessInfo\.businessCertificate\.fileUrl: /);
      assert.match(failures[0]!.reason, rule);
      assert.ok(!failures[0]!.reason.includes("s3cret") && !failures[0]!.reason.includes("example.com"));
    });
  }

  const LISTS: Array<{ path: string[]; item: () => unknown }> = [
    { path: ["otherMaterials"], item: () => png(6) },
    { path: ["powerOfAttorney"], item: () => png(5) },
    { path: ["operatorPerson", "personCertificate"], item: () => png(8) },
    { path: ["effectSignatures"], item: () => "示例科技" },
  ];
  for (const { path, item } of LISTS) {
    const limit = MAX_LIST_ITEMS[path[path.length - 1] as keyof typeof MAX_LIST_ITEMS];
    it(`${path.join(".")} holds at most ${limit} items`, async () => {
      const inputs = validInputs();
      setAt(inputs, path, Array.from({ length: limit }, item));
      assert.deepEqual(await failuresOf(inputs, path[0]!), []);
      setAt(inputs, path, Array.from({ length: limit + 1 }, item));
      const failures = await failuresOf(inputs, path[0]!);
      assert.equal(failures.length, 1, JSON.stringify(failures));
      assert.ok(failures[0]!.reason.startsWith(`${path.join(".")}: must have at most ${limit} items (`));
    });
  }

  it(`failures are capped at ${MAX_FAILURES_PER_PROPERTY} per property, then counted`, async () => {
    const limit = MAX_LIST_ITEMS.effectSignatures;
    const inputs = validInputs({ effectSignatures: Array.from({ length: limit }, () => "\u001b[2J") });
    const failures = await failuresOf(inputs, "effectSignatures");
    assert.equal(failures.length, MAX_FAILURES_PER_PROPERTY + 1);
    assert.match(failures[0]!.reason, /^effectSignatures\[0\]: must not contain control characters/);
    assert.equal(
      failures[MAX_FAILURES_PER_PROPERTY]!.reason,
      `effectSignatures: and ${limit - MAX_FAILURES_PER_PROPERTY} more problems ` +
        `(the first ${MAX_FAILURES_PER_PROPERTY} are shown)`,
    );
  });

  for (const key of ["constructor", "toString", "hasOwnProperty", "valueOf"]) {
    it(`"${key}" is an unknown property, at the top and nested, with no label borrowed from Object`, async () => {
      const inputs = validInputs({ [key]: "x" });
      inputs.operatorPerson[key] = 1;
      const top = await failuresOf(inputs, key);
      assert.deepEqual(top, [
        { property: "", reason: `${key}: is not a property of this object (check the spelling)` },
      ]);
      const nested = await failuresOf(inputs, "operatorPerson");
      assert.deepEqual(
        nested.map((f) => f.reason),
        [`operatorPerson.${key}: is not a property of this object (check the spelling)`],
      );
    });
  }

  it('"__proto__" never reaches check through the host, and cannot lend the inputs a property', async () => {
    // Pulumi's host decodes the Struct with google-protobuf, whose toJavaScript assigns each key: `__proto__` sets
    // the decoded object's prototype, and the provider copies own keys only. Given directly, check names it
    // (unit test).
    const inputs = validInputs();
    delete inputs.materialName;
    const withProto = JSON.parse(`{"__proto__":{"materialName":"借来的名字"},${JSON.stringify(inputs).slice(1)}`);
    const { failures } = await check(withProto);
    assert.deepEqual(failures, [{ property: "", reason: "materialName: is required (资质名称)" }]);
    assert.equal(peers.host.exited, false);
  });

  const NUMBERS: Array<{ path: Array<string | number>; value: unknown; reason: RegExp }> = [
    {
      path: ["purpose"],
      value: "1",
      reason: /^purpose: must be one of 1, 2: got the string "1", write it without quotes/,
    },
    {
      path: ["operatorPerson", "certificateType"],
      value: "0",
      reason: /^operatorPerson\.certificateType: must be a number, not a string: got the string "0"/,
    },
    {
      path: ["businessInfo", "businessCertificate", "fileType"],
      value: "5",
      reason: /^businessInfo\.businessCertificate\.fileType: must be one of 0, 1, .*: got the string "5"/,
    },
    { path: ["purpose"], value: Number.NaN, reason: /^purpose: must be one of 1, 2: got NaN/ },
    {
      path: ["operatorPerson", "certificateType"],
      value: Number.POSITIVE_INFINITY,
      reason: /^operatorPerson\.certificateType: must be a number, not Infinity/,
    },
  ];
  for (const { path, value, reason } of NUMBERS) {
    it(`${formatPath(path)} given ${typeof value === "string" ? `the string "${value}"` : value} says so`, async () => {
      const inputs = validInputs();
      setAt(inputs, path, value);
      const failures = await failuresOf(inputs, String(path[0]));
      assert.ok(
        failures.some((f) => reason.test(f.reason)),
        JSON.stringify(failures),
      );
    });
  }

  it("a quoted ID number in a number field is not repeated", async () => {
    const inputs = validInputs();
    inputs.operatorPerson.certificateType = "110105194912310021";
    const [failure] = await failuresOf(inputs, "operatorPerson");
    assert.ok(failure, "no failure");
    assert.equal(failure.reason, "operatorPerson.certificateType: must be a number, not a string (证件类型)");
  });

  it("a misspelt key holding ESC[2J and an RLO is printed escaped, not obeyed", async () => {
    const key = "evil\u001b[2J\u202eKEY";
    const { failures } = await check(validInputs({ [key]: 1 }));
    assert.deepEqual(failures, [
      {
        property: "",
        reason: "evil\\u{1b}[2J\\u{202e}KEY: is not a property of this object (check the spelling)",
      },
    ]);
  });

  it("create with such a key fails with an error that shows the escapes, and sends nothing", async () => {
    const before = peers.emulator.requests.length;
    await assert.rejects(
      peers.host.create({ ...validInputs({ "x\u001b[2J": 1 }), __provider: peers.providerText }),
      (error: HostError) => {
        assert.match(error.message, /InvalidInput.*x\\u\{1b\}\[2J: is not a property/);
        assert.doesNotMatch(error.message, UNPRINTABLE);
        return true;
      },
    );
    assert.equal(peers.emulator.requests.length, before);
  });

  it("the destroy warning shows a name from state escaped, not as a terminal command or reversed text", async () => {
    const state = { ...validInputs({ materialName: "资质\u001b[2J\u202egnp.exe" }), approved: false };
    await peers.host.delete("7001", { ...state, __provider: peers.providerText });
    const warning = await peers.host.waitForStderr(/qualification 7001/);
    assert.match(warning, /资质\\u\{1b\}\[2J\\u\{202e\}gnp\.exe/);
    assert.ok(!warning.includes("\u001b") && !warning.includes("\u202e"));
  });
});

describe("an endpoint with its own query string", () => {
  const peers = usePeers((emulator) =>
    emulatorConfig(emulator, { "volcengine:smsEndpoint": `${emulator.endpoint}?token=abc` }),
  );

  it("is refused before anything is sent, naming the setting and not repeating the query", async () => {
    const before = peers.emulator.requests.length;
    await assert.rejects(
      peers.host.create({ ...validInputs(), __provider: peers.providerText }),
      (error: HostError) => {
        assert.match(error.message, /InvalidEndpoint.*has a query string or fragment.*volcengine:smsEndpoint/);
        assert.ok(!error.message.includes("token=abc"));
        return true;
      },
    );
    assert.equal(peers.emulator.requests.length, before);
  });
});
