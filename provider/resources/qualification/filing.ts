/**
 * What happens around filing a qualification: adopting one that exists instead, refusing a duplicate of one under
 * review, and the lines that say what a review decided.
 */
import { APPLY_SIGNATURE_IDENT } from "../../api/qualification/apply-signature-ident";
import type { Context } from "../../engine/context";
import { VolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import { reviewAfterFiling } from "../../review/after-filing";
import { type Review, UNKNOWN_REVIEW } from "../../review/status";
import type { WaitForApproval } from "../../review/wait";
import { QualificationErrorCode } from "./errors";
import { idsUnderReviewNamed, type ListedQualification, type LookUpResult, lookUpQualification } from "./lookup";
import type { SignatureIdentBody } from "./types";

const JUST_FILED: LookUpResult = { review: { ...UNKNOWN_REVIEW, reviewStatus: "reviewing" }, conclusive: false };

/** `qualification 9007… "示例"`: how every line names a qualification. */
export function qualificationLabel(id: string, materialName: string): string {
  return `qualification ${id}${materialName ? ` "${materialName}"` : ""}`;
}

/** The qualification's label after the resource type, as a line of its own begins. */
export function qualificationSubject(id: string, materialName: string): string {
  return `SmsSignatureIdent: ${qualificationLabel(id, materialName)}`;
}

/** Records an existing qualification instead of filing one, once the account shows the inputs describe it. */
export async function adopt(
  context: Context,
  client: ActionClient,
  id: string,
  body: SignatureIdentBody,
): Promise<LookUpResult> {
  const action = "adoptId";
  const looked = await lookUpQualification(context, client, id);
  if (!looked.listed) {
    throw new VolcengineError({
      kind: "input",
      action,
      code: QualificationErrorCode.AdoptNotFound,
      message: looked.conclusive
        ? `qualification ${id} is not listed by this account; nothing was recorded`
        : `qualification ${id} is not listed as approved, and this account's API lists approved qualifications ` +
          "only; nothing was recorded",
      hint: "check the id with `npx pulumi-volcengine-sms qualifications` (or the console: 短信服务 → 资质管理)",
    });
  }
  const mismatches = adoptionMismatches(looked.listed, body);
  if (mismatches.length > 0) {
    throw new VolcengineError({
      kind: "input",
      action,
      code: QualificationErrorCode.AdoptMismatch,
      message: `qualification ${id} is not the one these inputs describe: ${mismatches.join("; ")}; nothing recorded`,
      hint: "set adoptId to the qualification these inputs describe, or make the inputs match it",
    });
  }
  if (looked.review.reviewStatus === "rejected") context.warn(rejectionNotice(id, body.materialName, looked.review));
  return looked;
}

function adoptionMismatches(listed: ListedQualification, body: SignatureIdentBody): string[] {
  const compared: [string, unknown, unknown][] = [
    ["materialName", listed.materialName, body.materialName],
    [
      "businessInfo.businessCertificateName",
      listed.businessCertificateName,
      body.businessInfo?.businessCertificateName,
    ],
    ["purpose", listed.purpose, body.purpose],
  ];
  return compared
    .filter(([, there, here]) => there !== undefined && there !== here)
    .map(([field, there, here]) => `${field} is ${JSON.stringify(there)} there, ${JSON.stringify(here)} here`);
}

export async function refuseWhileSameNameUnderReview(
  context: Context,
  client: ActionClient,
  materialName: string,
): Promise<void> {
  const ids = await idsUnderReviewNamed(context, client, materialName);
  if (ids === undefined || ids.length === 0) return;
  throw new VolcengineError({
    kind: "input",
    action: APPLY_SIGNATURE_IDENT.action,
    code: QualificationErrorCode.DuplicateUnderReview,
    message:
      `not filed: a qualification named "${materialName}" is already under review (id ${ids.join(", ")}), and ` +
      "filing again would start a second review of the same company",
    hint:
      `if it is the one an interrupted pulumi up filed, set adoptId: "${ids[0]}" on this resource and run pulumi up ` +
      "(that records it, filing nothing). If a second qualification is really meant, set allowDuplicateName: true. " +
      "A replacement that keeps the name while the old one is under review is refused too: wait for the review, " +
      "change materialName, or set allowDuplicateName: true",
  });
}

/** The status after filing, or after waiting for the review; a failure to learn it never fails the create. */
export function qualificationReviewAfterFiling(
  context: Context,
  client: ActionClient,
  id: string,
  materialName: string,
  wait: WaitForApproval | undefined,
): Promise<LookUpResult> {
  return reviewAfterFiling({
    wait,
    subject: qualificationSubject(id, materialName),
    kind: "qualification",
    justFiled: JUST_FILED,
    unknown: { review: UNKNOWN_REVIEW, conclusive: false },
    lookUp: () => lookUpQualification(context, client, id, { fresh: true }),
    warn: context.warn,
    rejected: (review) => rejectionNotice(id, materialName, review),
  });
}

const AFTER_REJECTION =
  "Fix the inputs the reason names; pulumi up then files a new qualification (a replacement), and this one stays " +
  "on the account.";

/** What a refresh says of a qualification still rejected; a change to rejected is said by `nextStep`'s line. */
export function rejectionNotice(id: string, materialName: string, review: Review): string {
  const reason = review.reviewOpinion ? `: ${review.reviewOpinion}` : " (no reason given)";
  return `${qualificationSubject(id, materialName)} was rejected${reason}. ${AFTER_REJECTION}`;
}

/** What to do once a refresh saw the review move to `after`. */
export function nextStep(after: Review): string {
  switch (after.reviewStatus) {
    case "approved":
    case "exempted":
      return after.usable
        ? "SMS signatures can be filed on it now; the next pulumi up files the SmsSignature resources waiting for " +
            "it and updates the stack outputs"
        : "it is not usable yet; pulumi refresh later shows when it is";
    case "rejected":
      return AFTER_REJECTION;
    case "closed":
      return "it can no longer be used; change an input (materialName, say) and pulumi up files a new one";
    case "reviewing":
      return "wait for the review; pulumi refresh shows its outcome";
    default:
      return `this provider does not know the state ${after.reviewStatus}: see the console (短信服务 → 资质管理)`;
  }
}
