import assert from "node:assert/strict";
import type { Context } from "../../provider/engine/context";
import { VolcengineError } from "../../provider/errors";
import { adopt, refuseWhileSameNameUnderReview } from "../../provider/resources/qualification/filing";
import { listQualifications, lookUpQualification } from "../../provider/resources/qualification/lookup";
import { FakeClient, fakeContext } from "../support/fake-client";
import { validInputs } from "../support/fixtures/qualification";

const NEWER = "GetSignatureIdentificationList";
const OLDER = "GetSignatureIdentList";

const missingAction = () =>
  new VolcengineError({ kind: "vendor", action: NEWER, code: "InvalidActionOrVersion", httpStatus: 404, message: "-" });

const item = (id: number, materialName: string, auditStatus: number, extra: Record<string, unknown> = {}) => ({
  id,
  materialName,
  purpose: 1,
  businessCertificateName: "示例科技有限公司",
  effectSignatures: ["示例"],
  auditStatus,
  auditOpinion: "",
  auditedAt: 0,
  usable: auditStatus === 3,
  ...extra,
});

describe("qualification lookups and filing rules, with a fake client", () => {
  it("reads every review state from the newer list, by id", async () => {
    const client = new FakeClient(() => ({ list: [item(7, "资质", 2, { auditOpinion: "模糊" })], total: 1 }));
    const looked = await lookUpQualification(fakeContext(), client, "7");
    assert.equal(looked.review.reviewStatus, "rejected");
    assert.equal(looked.review.reviewOpinion, "模糊");
    assert.equal(looked.conclusive, true);
    assert.deepEqual(client.actions(), [NEWER]);
  });

  it("falls back to the older list once the account lacks the newer one, and says so once", async () => {
    const context = fakeContext();
    const client = new FakeClient((call) => (call.action === NEWER ? missingAction() : { list: [item(7, "资质", 3)] }));
    const first = await lookUpQualification(context, client, "7");
    const second = await lookUpQualification(context, client, "8");
    assert.equal(first.review.reviewStatus, "approved");
    assert.equal(first.conclusive, false, "the older list lists approved ones only");
    assert.equal(second.review.reviewStatus, "unknown");
    assert.deepEqual(client.actions(), [NEWER, OLDER, OLDER], "the newer list is not asked again");
    assert.equal(context.lines.length, 1);
    assert.match(context.lines[0] ?? "", /does not offer GetSignatureIdentificationList/);
  });

  it("pages through the account by the total the first page gives, keeping exact names only", async () => {
    const client = new FakeClient((_call, body) => {
      const start = (body.pageIndex - 1) * body.pageSize;
      const list = Array.from({ length: Math.max(0, Math.min(body.pageSize, 250 - start)) }, (_, i) =>
        item(start + i + 1, start + i === 200 ? "资质" : "资质二", 1),
      );
      return { list, total: 250 };
    });
    const { items, conclusive } = await listQualifications(fakeContext(), client, { materialName: "资质" });
    assert.deepEqual(
      items.map((q) => q.id),
      ["201"],
    );
    assert.equal(conclusive, true);
    assert.equal(client.calls.length, 3);
  });

  it("refuses to file while one of the name is under review, naming it; cannot tell on an older account", async () => {
    const reviewing = new FakeClient(() => ({ list: [item(9, "示例科技短信资质", 1)], total: 1 }));
    await assert.rejects(
      refuseWhileSameNameUnderReview(fakeContext() as unknown as Context, reviewing, "示例科技短信资质"),
      (error: unknown) =>
        error instanceof VolcengineError &&
        error.code === "DuplicateUnderReview" &&
        /already under review \(id 9\).*adoptId: "9"/.test(error.message),
    );
    const older = new FakeClient((call) => (call.action === NEWER ? missingAction() : { list: [] }));
    await refuseWhileSameNameUnderReview(fakeContext() as unknown as Context, older, "示例科技短信资质");
  });

  it("adopts only a listed qualification that the inputs describe", async () => {
    // A context is one account's: each account here gets its own.
    const context = () => fakeContext() as unknown as Context;
    const body = validInputs() as never;
    const listed = new FakeClient(() => ({ list: [item(9, "示例科技短信资质", 1)], total: 1 }));
    assert.equal((await adopt(context(), listed, "9", body)).review.reviewStatus, "reviewing");
    const other = new FakeClient(() => ({ list: [item(9, "另一个资质", 1)], total: 1 }));
    await assert.rejects(adopt(context(), other, "9", body), (error: unknown) => {
      return (
        error instanceof VolcengineError &&
        error.code === "AdoptMismatch" &&
        /materialName is "另一个资质"/.test(error.message)
      );
    });
    const none = new FakeClient(() => ({ list: [], total: 0 }));
    await assert.rejects(adopt(context(), none, "9", body), (error: unknown) => {
      return error instanceof VolcengineError && error.code === "AdoptNotFound";
    });
  });
});
