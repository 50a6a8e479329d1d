import assert from "node:assert/strict";
import type { Context } from "../../provider/engine/context";
import { VolcengineError } from "../../provider/errors";
import { fileSignature, removeSignature, updateTypeOf } from "../../provider/resources/signature/filing";
import { qualificationGate } from "../../provider/resources/signature/qualification-gate";
import { FakeClient, fakeContext } from "../support/fake-client";
import { validSignatureInputs } from "../support/fixtures/signature";

const VERSION = "2025-01-01";
const CONTENT = "示例科技";

function context(): Context & { lines: string[] } {
  const fake = fakeContext();
  return {
    ...fake,
    resourceType: "SmsSignature",
    settings: () => ({ fileContentFormat: "dataUri" }) as never,
    setting: () => undefined,
    clientFor: () => {
      throw new Error("the tests give the client");
    },
  };
}

const vendor = (action: string, code: string, extra: Partial<ConstructorParameters<typeof VolcengineError>[0]> = {}) =>
  new VolcengineError({ kind: "vendor", action, code, message: code, ...extra });

function row(overrides: Record<string, unknown> = {}) {
  return {
    id: "8000000000000001",
    applyId: "apply-1",
    content: CONTENT,
    status: 1,
    reason: "",
    isOrder: true,
    source: 1,
    purpose: 1,
    identificationID: 9007199254740993n,
    identificationName: "示例科技短信资质",
    ...overrides,
  };
}

describe("signature filing, with a fake client", () => {
  it("files once and learns the applyId, with one request", async () => {
    const client = new FakeClient(() => ({ applyId: "apply-9", status: 1, reason: "" }));
    const filed = await fileSignature(context(), client, VERSION, validSignatureInputs() as never);
    assert.equal(filed.applyId, "apply-9");
    assert.deepEqual(client.actions(), ["ApplySmsSignatureV2"]);
    const body = String(client.calls[0]?.body);
    assert.match(body, /"signatureIdentificationID":9007199254740993[,}]/, "the int64 id as a number token");
    assert.doesNotMatch(body, /qualificationId/);
  });

  it("on 1003 takes the row of the same qualification, purpose and source, saying so; none filed twice", async () => {
    const ctx = context();
    const client = new FakeClient((call) =>
      call.action === "ApplySmsSignatureV2" ? vendor(call.action, "1003") : { list: [row()], total: 1 },
    );
    const filed = await fileSignature(ctx, client, VERSION, validSignatureInputs() as never);
    assert.equal(filed.row?.id, "8000000000000001");
    assert.deepEqual(client.actions(), ["ApplySmsSignatureV2", "GetSignatureAndOrderList"]);
    assert.match(ctx.lines[0] ?? "", /took the signature already on the account .*an earlier run filed it/);
  });

  it("settles an unknown outcome by listing; another qualification's row is an error naming it", async () => {
    const ambiguous = vendor("ApplySmsSignatureV2", "InternalError", { httpStatus: 500, mayHaveBeenFiled: true });
    const other = new FakeClient((call) =>
      call.action === "ApplySmsSignatureV2" ? ambiguous : { list: [row({ identificationID: 123n })], total: 1 },
    );
    await assert.rejects(
      fileSignature(context(), other, VERSION, validSignatureInputs() as never),
      (error: unknown) => {
        return (
          error instanceof VolcengineError &&
          error.code === "SignatureTaken" &&
          /already exists on the account with qualification 123/.test(error.message)
        );
      },
    );
    const none = new FakeClient((call) => (call.action === "ApplySmsSignatureV2" ? ambiguous : { list: [], total: 0 }));
    await assert.rejects(fileSignature(context(), none, VERSION, validSignatureInputs() as never), (error: unknown) => {
      return error === ambiguous;
    });
    assert.deepEqual(none.actions(), ["ApplySmsSignatureV2", "GetSignatureAndOrderList"], "never sent twice");
  });

  it("deletes as the row stands: withdraws an order; on 1005 re-reads and deletes the signature row", async () => {
    let listed = 0;
    const client = new FakeClient((call, body) => {
      if (call.action === "GetSignatureAndOrderList") {
        listed++;
        return { list: [listed === 1 ? row() : row({ id: "9000000000000002", isOrder: false, status: 3 })], total: 1 };
      }
      return body.isOrder ? vendor(call.action, "1005") : { msg: "success" };
    });
    assert.equal(await removeSignature(client, VERSION, CONTENT), "deleted");
    const deletes = client.calls.filter((call) => call.action === "DeleteSignature").map((call) => String(call.body));
    assert.deepEqual(deletes, [
      '{"id":8000000000000001,"isOrder":true,"subAccounts":[]}',
      '{"id":9000000000000002,"isOrder":false,"subAccounts":[]}',
    ]);
    const gone = new FakeClient(() => ({ list: [], total: 0 }));
    assert.equal(await removeSignature(gone, VERSION, CONTENT), "gone");
  });

  it("names the update type the vendor's demo gives: channel types alone 1, message groups alone 2, else 0", () => {
    assert.equal(updateTypeOf(["channelTypes"]), 1);
    assert.equal(updateTypeOf(["subAccounts"]), 2);
    assert.equal(updateTypeOf(["desc", "channelTypes"]), 0);
  });
});

describe("the qualification gate of a signature", () => {
  const qualification = (auditStatus: number, extra: Record<string, unknown> = {}) => ({
    list: [
      {
        id: 9007199254740993n,
        materialName: "示例科技短信资质",
        purpose: 1,
        auditStatus,
        auditOpinion: "",
        auditedAt: 0,
        usable: auditStatus === 3,
        ...extra,
      },
    ],
    total: 1,
  });
  const gate = (answer: Record<string, unknown>, purpose = 1) =>
    qualificationGate(
      context(),
      new FakeClient(() => answer),
      { content: CONTENT, purpose, qualificationId: "9007199254740993" },
      "ApplySmsSignatureV2",
    );

  it("lets an approved, usable qualification of the same purpose take it; waits while it is reviewed", async () => {
    assert.deepEqual(await gate(qualification(3)), { ready: true, qualificationName: "示例科技短信资质" });
    const waiting = await gate(qualification(1));
    assert.equal(waiting.ready, false);
    assert.match(waiting.ready ? "" : waiting.why, /qualification 9007199254740993 "示例科技短信资质" is reviewing/);
    const notUsable = await gate(qualification(3, { usable: false }));
    assert.match(notUsable.ready ? "" : notUsable.why, /approved but not usable yet/);
  });

  it("refuses, naming both, a qualification of another purpose, rejected, closed or missing", async () => {
    const refused = async (answer: Record<string, unknown>, code: string, pattern: RegExp, purpose = 1) =>
      assert.rejects(gate(answer, purpose), (error: unknown) => {
        return error instanceof VolcengineError && error.code === code && pattern.test(error.message);
      });
    await refused(qualification(3), "QualificationPurposeMismatch", /purpose is 2 \(他用\) but qualification .* 1/, 2);
    await refused(qualification(2, { auditOpinion: "模糊" }), "QualificationNotUsable", /is rejected \(模糊\)/);
    await refused(qualification(4), "QualificationNotUsable", /is closed/);
    await refused({ list: [], total: 0 }, "QualificationNotFound", /signature "示例科技": qualification 9007/);
  });
});
