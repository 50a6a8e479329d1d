/**
 * Filing, changing and deleting a signature. Its content is unique on the account, which is what makes every step
 * safe to repeat: a filing whose outcome is unknown, or that the account answers `1003 already existed`, is settled
 * by listing the content, never by sending it again.
 */
import { applySmsSignatureV2 } from "../../api/signature/apply-sms-signature-v2";
import { deleteSignature } from "../../api/signature/delete-signature";
import type { SignatureRow } from "../../api/signature/get-signature-and-order-list";
import { updateSmsSignature } from "../../api/signature/update-sms-signature";
import { inlineDocuments } from "../../documents/inline";
import type { Context } from "../../engine/context";
import { ErrorCode, isVolcengineError, VolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import { idToJson } from "../../http/json";
import type { Review } from "../../review/status";
import { SignatureErrorCode } from "./errors";
import { findSignature } from "./lookup";
import type { ChannelType, SignatureBody } from "./types";

/** `SmsSignature "示例科技"`: how every line names a signature. */
export function signatureSubject(content: string): string {
  return `SmsSignature "${content}"`;
}

/** The request body: the inputs under the API's names, the qualification id as an int64 number token. */
async function requestJson(
  action: string,
  body: SignatureBody,
  format: "dataUri" | "base64",
  extra: Record<string, unknown> = {},
): Promise<Buffer> {
  const { qualificationId, ...rest } = body;
  const sent = await inlineDocuments(
    { ...rest, signatureIdentificationID: idToJson(qualificationId), ...extra },
    format,
  );
  if (sent.problems.length > 0) {
    throw new VolcengineError({
      kind: "input",
      action,
      code: ErrorCode.DocumentChanged,
      message: `not sent: ${sent.problems.join("; ")}`,
      hint: "the signature must carry the documents `pulumi preview` showed",
    });
  }
  return sent.json;
}

export interface Filed {
  applyId: string;
  /** The row found by listing, when the filing was settled that way. */
  row?: SignatureRow;
}

/**
 * Files the signature once. After an unknown outcome, or `1003`, the row with this content is looked up: one of the
 * same qualification, purpose and source is this signature (an earlier run, or this one, filed it) and is taken, with
 * a line saying so; any other is an error naming it. Nothing here can file a second one.
 */
export async function fileSignature(
  context: Context,
  client: ActionClient,
  version: string,
  body: SignatureBody,
): Promise<Filed> {
  const action = "ApplySmsSignatureV2";
  const json = await requestJson(action, body, context.settings(action).fileContentFormat);
  const ifAmbiguous =
    `run pulumi up again: a signature's content is unique on the account, so the next run takes "${body.content}" ` +
    "if this filing arrived, and files it if it did not (`npx pulumi-volcengine-sms signatures` lists them)";
  try {
    return await applySmsSignatureV2(client, { version, json, content: body.content, ifAmbiguous });
  } catch (error) {
    const settle = isVolcengineError(error) && (error.mayHaveBeenFiled || error.code === "1003");
    if (!settle) throw error;
    const row = await findSignature(client, version, body.content);
    if (row === undefined) throw error;
    if (!isThisSignature(row, body)) throw taken(action, row, body);
    const why = error.code === "1003" ? "an earlier run filed it" : `the answer to the filing was lost (${error.code})`;
    context.warn(
      `${signatureSubject(body.content)}: took the signature already on the account as this resource (row ${row.id}, ` +
        `applyId ${row.applyId || "-"}): ${why}; nothing was filed twice`,
    );
    return { applyId: row.applyId, row };
  }
}

function isThisSignature(row: SignatureRow, body: SignatureBody): boolean {
  return row.identificationId === body.qualificationId && row.purpose === body.purpose && row.source === body.source;
}

function taken(action: string, row: SignatureRow, body: SignatureBody): VolcengineError {
  return new VolcengineError({
    kind: "input",
    action,
    code: SignatureErrorCode.SignatureTaken,
    message:
      `signature "${body.content}" already exists on the account with qualification ${row.identificationId || "-"}, ` +
      `purpose ${row.purpose ?? "-"} and source ${row.source ?? "-"} ` +
      `(row ${row.id}, ${row.isOrder ? "under review" : "a signature"}); ` +
      `these inputs give qualification ${body.qualificationId}, purpose ${body.purpose} and source ${body.source}; ` +
      "nothing was filed",
    hint:
      "a content can be used once per account: make the inputs match it (an update then changes it in place), delete " +
      "it in the console (短信服务 → 签名管理), or choose another content",
  });
}

/** UpdateSmsSignature's `updateType`, from a Java demo of the vendor (unsure): 1 channel types, 2 message groups. */
export function updateTypeOf(changed: readonly string[]): 0 | 1 | 2 {
  if (changed.length === 1 && changed[0] === "channelTypes") return 1;
  if (changed.length === 1 && changed[0] === "subAccounts") return 2;
  return 0;
}

/** Sends the whole declared signature as the change: given values overwrite the old ones. */
export async function sendUpdate(
  context: Context,
  client: ActionClient,
  version: string,
  body: SignatureBody,
  changed: readonly string[],
): Promise<void> {
  const action = "UpdateSmsSignature";
  const cleared = { subAccounts: [] as string[], channelTypes: [] as ChannelType[], desc: "", scene: "", domain: "" };
  const json = await requestJson(action, { ...cleared, ...body }, context.settings(action).fileContentFormat, {
    updateType: updateTypeOf(changed),
  });
  const ifAmbiguous =
    "run pulumi refresh: it shows whether the change arrived (updateReviewStatus), then pulumi up sends it again " +
    "if it did not";
  await updateSmsSignature(client, { version, json, ifAmbiguous });
}

export type Removal = "deleted" | "withdrawn" | "gone";

/**
 * Deletes the signature as the account lists it now: an application under review is withdrawn, a signature deleted.
 * The row may change under the call (an order approved meanwhile answers `1005`): it is read again and deleted as it
 * now is. A row already gone is success.
 */
export async function removeSignature(client: ActionClient, version: string, content: string): Promise<Removal> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await findSignature(client, version, content);
    if (row === undefined) return "gone";
    try {
      await deleteSignature(client, { version, rowId: row.id, isOrder: row.isOrder, subAccounts: row.subAccounts });
      return row.isOrder ? "withdrawn" : "deleted";
    } catch (error) {
      // 1005: the order is no longer under review; 1001: the row is gone or changed id. Read it again.
      if (!(isVolcengineError(error) && (error.code === "1005" || error.code === "1001"))) throw error;
    }
  }
  throw new VolcengineError({
    kind: "vendor",
    action: "DeleteSignature",
    code: "1005",
    message: `signature "${content}" kept changing while it was being deleted`,
    hint: "run pulumi destroy (or up) again",
  });
}

/** What to do once a refresh saw the review move to `after`. */
export function nextStep(after: Review): string {
  switch (after.reviewStatus) {
    case "approved":
    case "exempted":
      return (
        "the carriers file it next (7–10 working days, reportStatus); until they have, SMS with it may fail " +
        "(NE:0106, CR:0200, CR:0215)"
      );
    case "rejected":
      return (
        "fix what the reason names and run pulumi up: a changed desc, scene, domain or evidence is sent as an update " +
        "(a new review); a new content is a new signature"
      );
    case "closed":
      return "it can no longer be used: delete it (pulumi destroy) or give the resource another content";
    case "reviewing":
      return "wait for the review; pulumi refresh shows its outcome";
    default:
      return `this provider does not know the state ${after.reviewStatus}: see the console (短信服务 → 签名管理)`;
  }
}
