import assert from "node:assert/strict";
import { call, errorCode, rawRequest, useEmulators } from "../support/emulator-client";
import { png } from "../support/fixtures/documents";
import { PERSONAL_VALUES, validInputs } from "../support/fixtures/qualification";

describe("emulator: body validation", () => {
  const start = useEmulators();

  it("answers 1001 naming operatorPerson.personMobile when missing, without repeating personal values", async () => {
    const lines: string[] = [];
    const emu = await start({ log: (line) => lines.push(line) });
    const body = validInputs();
    delete body.operatorPerson.personMobile;
    const response = await call(emu, "ApplySignatureIdent", body);
    assert.equal(response.status, 200);
    assert.deepEqual(response.json.ResponseMetadata.Error, {
      Code: "1001",
      CodeN: 1001,
      Message: "参数错误: operatorPerson.personMobile is required",
    });
    assert.equal(response.json.Result, undefined);
    assert.equal(lines.length, 1);
    for (const value of PERSONAL_VALUES) {
      assert.ok(!response.text.includes(value), "the answer repeats a personal value");
      assert.ok(!lines[0]!.includes(value), "the log line repeats a personal value");
    }
    assert.deepEqual(emu.qualifications(), []);
  });

  const cases: Array<[string, (body: ReturnType<typeof validInputs>) => void, RegExp]> = [
    [
      "materialName longer than 20 characters",
      (b) => (b.materialName = "资".repeat(21)),
      /materialName must be at most 20 characters/,
    ],
    ["purpose 3", (b) => (b.purpose = 3), /purpose must be 1 or 2/],
    ["purpose 2 without powerOfAttorney", (b) => (b.purpose = 2), /powerOfAttorney is required when purpose is 2/],
    ["a missing businessInfo", (b) => delete b.businessInfo, /businessInfo is required/],
    [
      "a validity date not YYYY-MM-DD",
      (b) => (b.businessInfo.businessCertificateValidityPeriodEnd = "2099/12/31"),
      /businessInfo\.businessCertificateValidityPeriodEnd must be a date/,
    ],
    [
      "an unsupported file suffix",
      (b) => (b.operatorPerson.personCertificate[1].fileSuffix = "gif"),
      /operatorPerson\.personCertificate\[1\]\.fileSuffix must be one of jpg, jpeg, png/,
    ],
    [
      "a file with neither content nor URL",
      (b) => (b.businessInfo.businessCertificate.fileContent = ""),
      /businessInfo\.businessCertificate needs fileContent or fileUrl/,
    ],
    [
      "a file over 5 MB",
      (b) => (b.responsiblePersonInfo.personCertificate[0].fileContent = "A".repeat(7_000_000)),
      /responsiblePersonInfo\.personCertificate\[0\]\.fileContent must be at most 5 MB/,
    ],
    [
      "an empty responsible person ID number",
      (b) => (b.responsiblePersonInfo.personIDCard = ""),
      /responsiblePersonInfo\.personIDCard is required/,
    ],
    ["a purpose sent as a string", (b) => (b.purpose = "1"), /purpose must be an integer/],
  ];
  for (const [what, change, message] of cases) {
    it(`answers 1001 for ${what}`, async () => {
      const emu = await start();
      const body = validInputs();
      change(body);
      const response = await call(emu, "ApplySignatureIdent", body);
      assert.equal(response.status, 200);
      assert.equal(errorCode(response), "1001");
      assert.match(response.json.ResponseMetadata.Error?.Message ?? "", message);
      assert.deepEqual(emu.qualifications(), []);
    });
  }

  it("accepts exactly 20 CJK characters, purpose 2 with a power of attorney, a fileUrl for content", async () => {
    const emu = await start();
    const body = validInputs({ materialName: "资".repeat(20), purpose: 2, powerOfAttorney: [png(5)] });
    body.businessInfo.businessCertificate = {
      fileType: 1,
      fileContent: "",
      fileSuffix: "jpg",
      fileUrl: "https://example.com/licence.jpg",
    };
    const response = await call(emu, "ApplySignatureIdent", body);
    assert.equal(errorCode(response), undefined, response.text);
  });

  it("answers 1001 for a body that is not JSON", async () => {
    const emu = await start();
    const response = await call(emu, "ApplySignatureIdent", "materialName=x");
    assert.equal(response.status, 200);
    assert.equal(errorCode(response), "1001");
  });

  it("answers 404 InvalidActionOrVersion for an unknown action, a wrong version, or GET of a filing", async () => {
    const emu = await start();
    const unknown = await call(emu, "DeleteSignatureIdent", {});
    assert.equal(unknown.status, 404);
    assert.equal(errorCode(unknown), "InvalidActionOrVersion");
    const version = await call(emu, "GetSignatureIdentList", {}, { version: "2020-01-01" });
    assert.equal(version.status, 404);
    assert.equal(errorCode(version), "InvalidActionOrVersion");
    const get = await rawRequest(emu.endpoint, "/?Action=ApplySignatureIdent&Version=2021-01-11", { method: "GET" });
    assert.equal(get.status, 404);
  });

  it("answers 413 with a gateway error for a body over maxBodyBytes", async () => {
    const emu = await start({ maxBodyBytes: 1024 });
    const response = await call(emu, "ApplySignatureIdent", validInputs({ materialName: "x".repeat(2000) }));
    assert.equal(response.status, 413);
    assert.equal(errorCode(response), "RequestEntityTooLarge");
    assert.ok(emu.requests[0]!.bodyBytes > 1024);
  });
});
