import assert from "node:assert/strict";
import { type Props, ProviderHost, serializeProvider } from "../../harness/provider-host";
import { propertyOf } from "../support/failures";
import { png, TINY_PNG_BASE64 } from "../support/fixtures/documents";
import { CREDIT_CODE, ID_NUMBERS, MOBILES, PERSONAL_VALUES, validInputs } from "../support/fixtures/qualification";
import { qualificationProvider } from "../support/providers";
import { REPO_ROOT } from "../support/repo-root";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A copy of the valid inputs with one change applied. */
function inputsWith(change: (inputs: Record<string, any>) => void): Record<string, any> {
  const inputs = validInputs();
  change(inputs);
  return inputs;
}

// Each rule: a broken input, the property pulumi preview will flag, and what the reason must say.
const RULES: Array<{ rule: string; inputs: Props; property: string; reason: RegExp }> = [
  {
    rule: "materialName is required",
    inputs: inputsWith((i) => delete i.materialName),
    property: "materialName",
    reason: /^materialName: is required \(资质名称\)$/,
  },
  {
    rule: "materialName counts characters, not bytes: 21 characters fail",
    inputs: inputsWith((i) => (i.materialName = "资".repeat(21))),
    property: "materialName",
    reason: /^materialName: must be 1 to 20 characters/,
  },
  {
    rule: "materialName of 20 Chinese characters (60 bytes) passes",
    inputs: inputsWith((i) => (i.materialName = "资".repeat(20))),
    property: "",
    reason: /^$/,
  },
  {
    rule: "purpose must be 1 or 2",
    inputs: inputsWith((i) => (i.purpose = 3)),
    property: "purpose",
    reason: /^purpose: must be one of 1, 2 \(资质用途\)$/,
  },
  {
    rule: "purpose 2 requires powerOfAttorney",
    inputs: inputsWith((i) => (i.purpose = 2)),
    property: "powerOfAttorney",
    reason: /^powerOfAttorney: is required when purpose is 2/,
  },
  {
    rule: "purpose 2 rejects an empty powerOfAttorney",
    inputs: inputsWith((i) => {
      i.purpose = 2;
      i.powerOfAttorney = [];
    }),
    property: "powerOfAttorney",
    reason: /is required when purpose is 2/,
  },
  {
    rule: "DocType must be known",
    inputs: inputsWith((i) => (i.businessInfo.businessCertificateType = 18)),
    property: "businessInfo",
    reason: /^businessInfo\.businessCertificateType: must be one of 0, 1, 2, .*17 \(企业证件类型\)$/,
  },
  {
    rule: "fileSuffix jpg/jpeg/png",
    inputs: inputsWith((i) => (i.businessInfo.businessCertificate.fileSuffix = "gif")),
    property: "businessInfo",
    reason: /^businessInfo\.businessCertificate\.fileSuffix: must be one of jpg, jpeg, png \(证件文件后缀\)$/,
  },
  {
    rule: "fileContent must be base64",
    inputs: inputsWith((i) => (i.operatorPerson.personCertificate[0].fileContent = "not base64!")),
    property: "operatorPerson",
    reason: /^operatorPerson\.personCertificate\[0\]\.fileContent: must be base64/,
  },
  {
    rule: "fileContent decodes to at most 5 MB",
    inputs: inputsWith(
      (i) => (i.businessInfo.businessCertificate.fileContent = "A".repeat(((5 * 1024 * 1024 + 1) / 3) * 4)),
    ),
    property: "businessInfo",
    reason: /decodes to 5242881 bytes; at most 5242880/,
  },
  {
    rule: "fileContent or fileUrl is required",
    inputs: inputsWith((i) => delete i.businessInfo.businessCertificate.fileContent),
    property: "businessInfo",
    reason: /^businessInfo\.businessCertificate\.fileContent: set fileContent \(base64\), fileUrl, or document/,
  },
  {
    rule: "only one of fileContent, fileUrl and document",
    inputs: inputsWith((i) => (i.businessInfo.businessCertificate.fileUrl = "https://example.com/a.png")),
    property: "businessInfo",
    reason: /^businessInfo\.businessCertificate\.fileUrl: set only one of fileContent, fileUrl/,
  },
  {
    rule: "fileUrl must be http(s)",
    inputs: inputsWith(
      (i) =>
        (i.businessInfo.businessCertificate = { fileType: 1, fileSuffix: "jpg", fileUrl: "ftp://example.com/a.jpg" }),
    ),
    property: "businessInfo",
    reason: /fileUrl: must be an http:\/\/ or https:\/\/ URL/,
  },
  {
    rule: "data URI media type matches the suffix",
    inputs: inputsWith((i) => (i.businessInfo.businessCertificate.fileSuffix = "jpg")),
    property: "businessInfo",
    reason: /data URI says image\/png but fileSuffix says jpg/,
  },
  {
    rule: "dates are YYYY-MM-DD",
    inputs: inputsWith((i) => (i.businessInfo.businessCertificateValidityPeriodStart = "2020/01/01")),
    property: "businessInfo",
    reason: /^businessInfo\.businessCertificateValidityPeriodStart: must be a real calendar date written YYYY-MM-DD/,
  },
  {
    rule: "dates are real calendar dates",
    inputs: inputsWith((i) => (i.businessInfo.businessCertificateValidityPeriodEnd = "2023-02-29")),
    property: "businessInfo",
    reason: /ValidityPeriodEnd: must be a real calendar date/,
  },
  {
    rule: "validity start ≤ end",
    inputs: inputsWith((i) => (i.businessInfo.businessCertificateValidityPeriodStart = "2100-01-01")),
    property: "businessInfo",
    reason: /ValidityPeriodEnd: must not be before businessCertificateValidityPeriodStart/,
  },
  {
    rule: "ID number has 18 characters",
    inputs: inputsWith((i) => (i.operatorPerson.personIDCard = "1101051949123100")),
    property: "operatorPerson",
    reason: /^operatorPerson\.personIDCard: must be 18 characters/,
  },
  {
    rule: "ID number check digit (GB 11643)",
    inputs: inputsWith((i) => (i.responsiblePersonInfo.personIDCard = "440308199901010013")),
    property: "responsiblePersonInfo",
    reason: /^responsiblePersonInfo\.personIDCard: check digit does not match \(GB 11643\).*\(证件号码\)$/,
  },
  {
    rule: "a non-mainland certificate skips the GB 11643 check",
    inputs: inputsWith((i) => {
      i.legalPerson.certificateType = 12;
      i.legalPerson.personIDCard = "E12345678";
    }),
    property: "",
    reason: /^$/,
  },
  {
    rule: "credit code check character (GB 32100)",
    inputs: inputsWith((i) => (i.businessInfo.unifiedSocialCreditIdentifier = "91350100M000100Y44")),
    property: "businessInfo",
    reason: /^businessInfo\.unifiedSocialCreditIdentifier: check character does not match \(GB 32100\)/,
  },
  {
    rule: "credit code has 18 characters",
    inputs: inputsWith((i) => (i.businessInfo.unifiedSocialCreditIdentifier = "Zf6m")),
    property: "businessInfo",
    reason: /unifiedSocialCreditIdentifier: must be 18 characters/,
  },
  {
    rule: "mainland mobile number",
    inputs: inputsWith((i) => (i.operatorPerson.personMobile = "+86 138 0013 8000")),
    property: "operatorPerson",
    reason: /^operatorPerson\.personMobile: must be a mainland mobile number.*\(手机号码\)$/,
  },
  {
    rule: "a misspelt property is named",
    inputs: inputsWith((i) => (i.operatorPerson.personIdCard = i.operatorPerson.personIDCard)),
    property: "operatorPerson",
    reason: /^operatorPerson\.personIdCard: is not a property of this object/,
  },
  {
    rule: "a wrong type names what was expected",
    inputs: inputsWith((i) => (i.operatorPerson.certificateType = "0")),
    property: "operatorPerson",
    reason: /^operatorPerson\.certificateType: must be a number, not a string/,
  },
];

describe("check through Pulumi's provider host (what pulumi preview shows)", () => {
  let host: ProviderHost;
  let providerText: string;

  before(async () => {
    providerText = await serializeProvider(qualificationProvider);
    host = await ProviderHost.start({ cwd: REPO_ROOT });
    await host.configure();
  });
  after(() => host.stop());

  const check = (inputs: Props) => host.check({}, { ...inputs, __provider: providerText });

  it("accepts valid inputs and passes them through unchanged", async () => {
    const inputs = validInputs();
    const result = await check(inputs);
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.inputs, { ...inputs, __provider: providerText });
  });

  for (const { rule, inputs, property, reason } of RULES) {
    it(rule, async () => {
      const { failures } = await check(inputs);
      if (property === "") {
        assert.deepEqual(failures, []);
        return;
      }
      // Only failures of the rule under test: a rule that also fails elsewhere is a wrong failure.
      assert.deepEqual(
        failures.filter((f) => propertyOf(f) !== property),
        [],
        `failures on other properties than ${property}`,
      );
      const match = failures.find((f) => reason.test(f.reason));
      assert.ok(match, `expected a failure on ${property} matching ${reason}, got ${JSON.stringify(failures)}`);
      assert.ok(
        failures.every((f) => f.property === ""),
        "failures reach the engine at resource level, the path in the reason",
      );
    });
  }

  it("reports every mistake at once, each under its own top-level property", async () => {
    const inputs = inputsWith((i) => {
      i.purpose = 0;
      i.operatorPerson.personMobile = "12345";
      i.businessInfo.unifiedSocialCreditIdentifier = "91350100M000100Y44";
    });
    const { failures } = await check(inputs);
    assert.deepEqual(failures.map(propertyOf).sort(), ["businessInfo", "operatorPerson", "purpose"]);
  });

  it("never repeats an ID number, mobile or file content in a reason", async () => {
    const inputs = inputsWith((i) => {
      i.operatorPerson.personIDCard = "11010519491231002Y";
      i.responsiblePersonInfo.personIDCard = `${ID_NUMBERS.responsible.slice(0, 17)}9`;
      i.operatorPerson.personMobile = `${MOBILES.operator}0`;
      i.businessInfo.businessCertificate.fileSuffix = "gif";
      i.businessInfo.unifiedSocialCreditIdentifier = `${CREDIT_CODE.slice(0, 17)}0`;
    });
    const { failures } = await check(inputs);
    assert.ok(failures.length >= 4);
    const text = JSON.stringify(failures);
    for (const value of [...PERSONAL_VALUES, "11010519491231002Y", MOBILES.operator, TINY_PNG_BASE64.slice(0, 20)]) {
      assert.ok(!text.includes(value), `a reason repeats a personal value`);
    }
  });

  it("never fails on values not known yet in preview, at any depth", async () => {
    const inputs = inputsWith((i) => {
      i.materialName = UNKNOWN;
      i.purpose = UNKNOWN;
      i.operatorPerson = UNKNOWN;
      i.responsiblePersonInfo.personIDCard = UNKNOWN;
      i.responsiblePersonInfo.certificateType = UNKNOWN;
      i.businessInfo.businessCertificate.fileSuffix = UNKNOWN;
      i.businessInfo.businessCertificateValidityPeriodStart = UNKNOWN;
      i.legalPerson.personCertificate = [UNKNOWN, png(6)];
      i.powerOfAttorney = UNKNOWN;
    });
    assert.deepEqual((await check(inputs)).failures, []);
  });

  it("still reports known mistakes next to unknown values", async () => {
    const inputs = inputsWith((i) => {
      i.materialName = UNKNOWN;
      i.operatorPerson.personMobile = "123";
    });
    const { failures } = await check(inputs);
    assert.deepEqual(failures.map(propertyOf), ["operatorPerson"]);
  });

  it("answers inputs that are not objects at all with failures, not a crash", async () => {
    const { failures } = await check({
      materialName: 42,
      businessInfo: [1, 2],
      operatorPerson: null,
      purpose: { a: 1 },
    });
    assert.ok(failures.some((f) => propertyOf(f) === "materialName"));
    assert.ok(failures.some((f) => propertyOf(f) === "businessInfo"));
    assert.ok(failures.some((f) => propertyOf(f) === "operatorPerson" && /is required/.test(f.reason)));
    assert.equal(host.exited, false);
  });
});
