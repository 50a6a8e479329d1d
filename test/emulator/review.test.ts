import assert from "node:assert/strict";
import { DEFAULT_FIRST_ID } from "../../emulator";
import { apply, call, clientAt, errorCode, listedIds, useEmulators, xDateOf } from "../support/emulator-client";
import { ID_NUMBERS, MOBILES, validInputs } from "../support/fixtures/qualification";

describe("emulator: ids, review and listing", () => {
  const start = useEmulators();

  it("hands out ids from 2^53 + 1 upwards as bare number tokens, a new one on every call", async () => {
    const emu = await start();
    const response = await call(emu, "ApplySignatureIdent", validInputs());
    assert.equal(response.text.match(/"Result":\{"id":(\d+)\}/)?.[1], DEFAULT_FIRST_ID);
    assert.equal(await apply(emu), "9007199254740994");
    assert.deepEqual(
      emu.qualifications().map((q) => [q.id, q.status]),
      [
        [DEFAULT_FIRST_ID, "pending"],
        ["9007199254740994", "pending"],
      ],
    );
  });

  it("lists a qualification only once approved; a rejected one never", async () => {
    const emu = await start();
    const approved = await apply(emu);
    const rejected = await apply(emu);
    assert.deepEqual(await listedIds(emu), []);
    emu.approve(approved);
    emu.reject(rejected);
    const response = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    const filed = validInputs();
    assert.deepEqual(response.json.Result, {
      list: [
        {
          id: BigInt(approved),
          purpose: filed.purpose,
          materialName: filed.materialName,
          businessCertificateName: filed.businessInfo.businessCertificateName,
          operatorPersonName: filed.operatorPerson.personName,
          responsiblePersonName: filed.responsiblePersonInfo.personName,
          legalPersonName: filed.businessInfo.legalPersonName,
          effectSignatures: filed.effectSignatures,
        },
      ],
      total: 1,
    });
  });

  it("approves a pending qualification after approvalDelayMs on the injected clock", async () => {
    let clock = new Date("2030-01-01T00:00:00Z");
    const emu = await start({ approvalDelayMs: 5000, now: () => clock });
    const api = clientAt(emu, () => clock);
    const id = await apply(emu, { xDate: xDateOf(clock) });
    clock = new Date(clock.getTime() + 4999);
    assert.deepEqual(await listedIds(emu, { xDate: xDateOf(clock) }), []);
    clock = new Date(clock.getTime() + 1);
    const listed = await api("GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    assert.deepEqual(
      (listed.json.Result.list as { id: bigint }[]).map((item) => String(item.id)),
      [id],
    );
  });

  it("with approvalDelayMs null keeps a qualification pending however much time passes", async () => {
    let clock = new Date("2030-01-01T00:00:00Z");
    const emu = await start({ approvalDelayMs: null, now: () => clock });
    await apply(emu, { xDate: xDateOf(clock) });
    clock = new Date(clock.getTime() + 365 * 24 * 3600_000);
    assert.deepEqual(await listedIds(emu, { xDate: xDateOf(clock) }), []);
    assert.equal(emu.qualifications()[0]!.status, "pending");
  });

  it("filters by ids above 2^53 exactly and pages through the approved ones", async () => {
    const emu = await start();
    const first = await apply(emu);
    const second = await apply(emu);
    emu.approve(first);
    emu.approve(second);
    // JSON.parse would turn 9007199254740993 into ...992; the emulator must not.
    const filtered = await call(emu, "GetSignatureIdentList", `{"ids":[${first}],"pageIndex":1,"pageSize":10}`);
    assert.equal(filtered.json.Result.total, 1);
    assert.match(filtered.text, new RegExp(`"id":${first},`));
    const page2 = await call(emu, "GetSignatureIdentList", { pageIndex: 2, pageSize: 1 });
    assert.equal(page2.json.Result.total, 2);
    assert.deepEqual(
      (page2.json.Result.list as { id: bigint }[]).map((item) => String(item.id)),
      [second],
    );
  });

  it("binds signatures with BatchBindSignatureIdent and shows them in the list", async () => {
    const emu = await start();
    const id = await apply(emu);
    const bound = await call(
      emu,
      "BatchBindSignatureIdent",
      `{"id":${id},"signatures":["火山引擎","Volc"],"subAccount":"sub-1"}`,
    );
    assert.deepEqual(bound.json.Result, { msg: "success" });
    emu.approve(id);
    const listed = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    // Bound signatures join the ones the qualification was filed for.
    const expected = [...validInputs().effectSignatures, "火山引擎", "Volc"];
    assert.deepEqual(listed.json.Result.list[0].effectSignatures, expected);
    assert.deepEqual(emu.qualifications()[0]!.effectSignatures, expected);
  });

  it("refuses BatchBindSignatureIdent for an unknown id or more than 100 signatures with 1001", async () => {
    const emu = await start();
    const id = await apply(emu);
    const unknown = await call(
      emu,
      "BatchBindSignatureIdent",
      `{"id":9007199254740999,"signatures":["A"],"subAccount":"s"}`,
    );
    assert.equal(errorCode(unknown), "1001");
    const tooMany = Array.from({ length: 101 }, (_, i) => `sig${i}`);
    const many = await call(
      emu,
      "BatchBindSignatureIdent",
      `{"id":${id},"signatures":${JSON.stringify(tooMany)},"subAccount":"s"}`,
    );
    assert.equal(errorCode(many), "1001");
    assert.match(many.json.ResponseMetadata.Error?.Message ?? "", /signatures/);
  });

  it("updates people while pending, and answers 1005 once the qualification is approved", async () => {
    const emu = await start();
    const id = await apply(emu);
    const person = {
      certificateType: 0,
      personCertificate: [],
      personName: "Wang Wu",
      personIDCard: ID_NUMBERS.operator,
      personMobile: MOBILES.operator,
    };
    const body = (p: object) => `{"id":${id},"operatorPerson":${JSON.stringify(p)}}`;
    const updated = await call(emu, "UpdateSignatureIdent", body(person));
    assert.deepEqual(updated.json.Result, { msg: "success" });
    emu.approve(id);
    const listed = await call(emu, "GetSignatureIdentList", { pageIndex: 1, pageSize: 10 });
    assert.equal(listed.json.Result.list[0].operatorPersonName, "Wang Wu");
    const late = await call(emu, "UpdateSignatureIdent", body({ ...person, personName: "Zhao Liu" }));
    assert.equal(late.status, 200);
    assert.equal(errorCode(late), "1005");
    assert.equal(late.json.ResponseMetadata.Error?.CodeN, 1005);
  });

  it("records every request in order, rejected ones included, with bodies parsed exactly", async () => {
    const emu = await start();
    await call(emu, "GetSignatureIdentList", {}, { omitAuthorization: true });
    await call(emu, "BatchBindSignatureIdent", `{"id":${DEFAULT_FIRST_ID},"signatures":["A"],"subAccount":"s"}`);
    assert.deepEqual(
      emu.requests.map((r) => [r.action, r.httpStatus, r.code]),
      [
        ["GetSignatureIdentList", 401, "MissingSignature"],
        ["BatchBindSignatureIdent", 200, "1001"],
      ],
    );
    assert.deepEqual(emu.requests[1]!.body, { id: BigInt(DEFAULT_FIRST_ID), signatures: ["A"], subAccount: "s" });
    assert.equal(emu.requests[1]!.rawBody.toString(), `{"id":${DEFAULT_FIRST_ID},"signatures":["A"],"subAccount":"s"}`);
  });
});
