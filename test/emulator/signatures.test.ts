import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CARRIER_FILING_CODES, type RunningEmulator, startEmulator } from "../../emulator";
import { admin, apply, type CallOptions, call, callQuery, errorCode, useEmulators } from "../support/emulator-client";
import { png } from "../support/fixtures/documents";

const V2 = { version: "2025-01-01" };

function signature(qualificationId: string, overrides: Record<string, unknown> = {}) {
  return {
    content: "示例科技",
    source: 1,
    purpose: 1,
    signatureIdentificationID: BigInt(qualificationId),
    channelTypes: ["CN_OTP"],
    subAccounts: ["group-a"],
    desc: "登录验证码",
    uploadFileList: [png(6)],
    ...overrides,
  };
}

const applySignature = (emu: RunningEmulator, body: unknown, o: CallOptions = V2) =>
  call(emu, "ApplySmsSignatureV2", body, o);
const list = (emu: RunningEmulator, params: Record<string, string | number | string[]> = {}) =>
  callQuery(emu, "GetSignatureAndOrderList", { pageIndex: 1, pageSize: 100, ...params }, V2);
const rows = async (emu: RunningEmulator, params: Record<string, string | number | string[]> = {}) =>
  (await list(emu, params)).json.Result.list as any[];
const message = (response: { json: any }) => String(response.json.ResponseMetadata.Error?.Message ?? "");

async function approvedQualification(emu: RunningEmulator): Promise<string> {
  const id = await apply(emu);
  emu.approve(id);
  return id;
}

describe("emulator: signatures (ApplySmsSignatureV2, GetSignatureAndOrderList, Update, Delete)", () => {
  const start = useEmulators();

  it("files an application on an approved qualification of its purpose, listed as an order under review", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    const filed = await applySignature(emu, signature(qualification));
    assert.equal(errorCode(filed), undefined, filed.text);
    assert.match(filed.json.Result.applyId, /^SA\d{8}\d{6}$/);
    const [row] = await rows(emu);
    assert.equal(row.content, "示例科技");
    assert.equal(row.isOrder, true);
    assert.equal(row.status, 1);
    assert.equal(typeof row.id, "string", "the row id is a decimal string, as the Go SDK types it");
    assert.equal(row.identificationID, BigInt(qualification), "the qualification id exact, as a number token");
    assert.equal(row.identificationName, "示例科技短信资质");
    assert.deepEqual([row.subAccounts, row.channelTypes], [["group-a"], ["CN_OTP"]]);
  });

  it("takes the same actions under 2021-01-11, as the npm, Python and PHP SDKs send them", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    const filed = await applySignature(emu, signature(qualification), { version: "2021-01-11" });
    assert.equal(errorCode(filed), undefined, filed.text);
  });

  it("refuses with 1001, saying which: a missing, pending or rejected qualification, or another purpose", async () => {
    const emu = await start();
    const pending = await apply(emu);
    const rejected = await apply(emu);
    emu.reject(rejected, "模糊");
    const cases: [unknown, RegExp][] = [
      [signature("12345"), /signatureIdentificationID does not match any qualification/],
      [signature(pending), /the qualification is not approved/],
      [signature(rejected), /the qualification is not approved/],
      [signature(await approvedQualification(emu), { purpose: 2 }), /purpose must be the purpose of the qualification/],
      [signature(pending, { source: 2 }), /appIcp is required/],
      [signature(pending, { content: "【示例】" }), /content must not contain 【 or 】/],
    ];
    for (const [body, pattern] of cases) {
      const refused = await applySignature(emu, body);
      assert.equal(errorCode(refused), "1001");
      assert.match(message(refused), pattern);
    }
    assert.deepEqual(emu.signatures(), []);
  });

  it("answers 1003 for a content under review or approved, and takes it again once deleted", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    await applySignature(emu, signature(qualification));
    assert.equal(errorCode(await applySignature(emu, signature(qualification))), "1003");
    emu.approveSignature("示例科技");
    assert.equal(errorCode(await applySignature(emu, signature(qualification))), "1003");
    const [row] = await rows(emu);
    const deleted = await call(emu, "DeleteSignature", { id: BigInt(row.id), isOrder: false }, V2);
    assert.equal(errorCode(deleted), undefined, deleted.text);
    assert.equal(errorCode(await applySignature(emu, signature(qualification))), undefined);
  });

  it("replaces the order row by a signature row with a new id when decided, approved or rejected", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    await applySignature(emu, signature(qualification));
    await applySignature(emu, signature(qualification, { content: "示例二" }));
    const [orderA, orderB] = await rows(emu);
    emu.approveSignature("示例科技");
    emu.rejectSignature("示例二", "签名与企业名称不符");
    const decided = await rows(emu);
    const a = decided.find((row) => row.content === "示例科技");
    const b = decided.find((row) => row.content === "示例二");
    assert.deepEqual([a.isOrder, a.status, a.usable], [false, 3, true]);
    assert.deepEqual([b.isOrder, b.status, b.reason, b.usable], [false, 2, "签名与企业名称不符", false]);
    assert.notEqual(a.id, orderA.id);
    assert.notEqual(b.id, orderB.id);
    assert.ok(a.auditedAt > 0);
  });

  it("files an approved signature with the carriers: in progress, then filed or failed per operator", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    await applySignature(emu, signature(qualification));
    emu.approveSignature("示例科技");
    const [filing] = await rows(emu);
    assert.deepEqual(filing.reportStatus, {
      status: CARRIER_FILING_CODES.inProgress,
      cmcc: { status: 1, reason: "" },
      ct: { status: 1, reason: "" },
      unicom: { status: 1, reason: "" },
    });
    emu.fileSignatureWithCarriers("示例科技", { ct: { status: CARRIER_FILING_CODES.failed, reason: "签名未报备" } });
    const [failed] = await rows(emu);
    assert.equal(failed.reportStatus.status, CARRIER_FILING_CODES.failed);
    assert.deepEqual(failed.reportStatus.ct, { status: 3, reason: "签名未报备" });
    await admin(emu, "POST", `signatures/carriers?content=${encodeURIComponent("示例科技")}`);
    assert.equal((await rows(emu))[0].reportStatus.status, CARRIER_FILING_CODES.filed);
  });

  it("refuses an update under review, and a second while one is reviewed; applies it only when approved", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    await applySignature(emu, signature(qualification));
    const update = (body: object) => call(emu, "UpdateSmsSignature", { content: "示例科技", ...body }, V2);
    const underReview = await update({ desc: "新的说明" });
    assert.match(message(underReview), /the signature is under review/);
    emu.approveSignature("示例科技");
    assert.equal(errorCode(await update({ desc: "新的说明", updateType: 0 })), undefined);
    assert.match(message(await update({ scene: "通知" })), /an update is under review/);
    let [row] = await rows(emu);
    assert.deepEqual([row.desc, row.updateStatus], ["登录验证码", 1], "not applied before it is approved");
    emu.approveSignatureUpdate("示例科技");
    [row] = await rows(emu);
    assert.deepEqual([row.desc, row.updateStatus], ["新的说明", 3]);
    await update({ channelTypes: ["CN_MKT"], updateType: 1 });
    emu.rejectSignatureUpdate("示例科技", "营销签名需另行申请");
    [row] = await rows(emu);
    assert.deepEqual([row.channelTypes, row.updateStatus, row.updateReason], [["CN_OTP"], 2, "营销签名需另行申请"]);
    assert.match(message(await update({ content: "不存在", desc: "x" })), /content does not match any signature/);
  });

  it("deletes: withdraws an order, answers 1005 once it is decided, 1001 for an unknown id", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    await applySignature(emu, signature(qualification));
    const [order] = await rows(emu);
    emu.approveSignature("示例科技");
    const late = await call(emu, "DeleteSignature", { id: BigInt(order.id), isOrder: true }, V2);
    assert.equal(errorCode(late), "1005");
    const [approved] = await rows(emu);
    assert.equal(errorCode(await call(emu, "DeleteSignature", { id: approved.id, isOrder: true }, V2)), "1005");
    assert.equal(errorCode(await call(emu, "DeleteSignature", { id: "123", isOrder: false }, V2)), "1001");
    assert.equal(errorCode(await call(emu, "DeleteSignature", { id: approved.id, isOrder: false }, V2)), undefined);
    await applySignature(emu, signature(qualification, { content: "示例二" }));
    const [pending] = await rows(emu);
    assert.equal(
      errorCode(await call(emu, "DeleteSignature", { id: BigInt(pending.id), isOrder: true }, V2)),
      undefined,
    );
    assert.deepEqual(await rows(emu), []);
  });

  it("filters by a part of the content, by status and by message groups given as repeated keys; pages", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    for (const [content, group] of [
      ["示例科技", "group-a"],
      ["示例科技二", "group-b"],
      ["别的签名", "group-c"],
    ]) {
      await applySignature(emu, signature(qualification, { content, subAccounts: [group] }));
    }
    emu.approveSignature("别的签名");
    const contents = async (params: Record<string, string | number | string[]>) =>
      (await rows(emu, params)).map((row) => row.content);
    assert.deepEqual(await contents({ signature: "示例科技" }), ["示例科技", "示例科技二"]);
    assert.deepEqual(await contents({ status: 3 }), ["别的签名"]);
    assert.deepEqual(await contents({ subAccounts: ["group-b", "group-c"] }), ["示例科技二", "别的签名"]);
    const second = await list(emu, { pageIndex: 2, pageSize: 2 });
    assert.deepEqual([second.json.Result.total, second.json.Result.list.length], [3, 1]);
  });

  it("shows the platform's rewrite of purpose or source; a signature deleted in the console is gone", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    await applySignature(emu, signature(qualification));
    emu.rewriteSignature("示例科技", { purpose: 2, source: 3 });
    const [row] = await rows(emu);
    assert.deepEqual([row.purpose, row.source], [2, 3]);
    emu.removeSignature("示例科技");
    assert.deepEqual(await rows(emu), []);
  });

  it("carries out an ApplySmsSignatureV2 whose answer is withheld, as a client killed waiting sees it", async () => {
    const emu = await start();
    const qualification = await approvedQualification(emu);
    emu.injectFault({ action: "ApplySmsSignatureV2", kind: "withhold-answer" });
    const answered = await Promise.race([
      applySignature(emu, signature(qualification)).then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 500)),
    ]);
    assert.equal(answered, false);
    assert.deepEqual(
      emu.signatures().map((s) => s.content),
      ["示例科技"],
    );
  });

  it("answers 1027 past the daily creation limit of signatures, switched at run time", async () => {
    const emu = await start({ dailyCreationLimit: 1 });
    const qualification = await approvedQualification(emu);
    assert.equal(errorCode(await applySignature(emu, signature(qualification))), undefined);
    assert.equal(errorCode(await applySignature(emu, signature(qualification, { content: "示例二" }))), "1027");
    assert.equal((await admin(emu, "POST", "settings", { dailyCreationLimit: null })).json.dailyCreationLimit, null);
    assert.equal(errorCode(await applySignature(emu, signature(qualification, { content: "示例二" }))), undefined);
  });

  it("keeps signatures across a restart, rows, sequences and reviews included", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-signatures-"));
    const dataFile = path.join(dir, "state.json");
    try {
      const first = await startEmulator({ dataFile, approvalDelayMs: null });
      const qualification = await approvedQualification(first);
      await applySignature(first, signature(qualification));
      first.approveSignature("示例科技");
      const [before] = await rows(first);
      await first.close();
      const second = await startEmulator({ dataFile, approvalDelayMs: null });
      try {
        const [after] = await rows(second);
        assert.deepEqual(after, before);
        await applySignature(second, signature(qualification, { content: "示例二" }));
        const ids = (await rows(second)).map((row) => row.id);
        assert.equal(new Set(ids).size, 2, "a restarted emulator hands out no id twice");
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
