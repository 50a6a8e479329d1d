/**
 * What happens around a filing: adopting a qualification that exists instead, refusing a duplicate of one under
 * review, and learning the review's state after filing (waiting for it when asked).
 */
import { APPLY_SIGNATURE_IDENT } from "../api/apply-signature-ident";
import { warn, warnOnce } from "../diagnostics";
import { ErrorCode, VolcengineError } from "../errors";
import type { SignedJsonClient } from "../http/client";
import type { SignatureIdentBody, WaitForApproval } from "../types";
import { idsUnderReviewNamed, type ListedQualification, type LookUpResult, lookUpQualification } from "./lookup";
import { type Review, UNKNOWN_REVIEW } from "./status";
import { duration, waitForReview } from "./wait";

const DEFAULT_POLL_SECONDS = 30;
const JUST_FILED: Review = { ...UNKNOWN_REVIEW, reviewStatus: "reviewing" };

/** Records an existing qualification instead of filing one, once the account shows the inputs describe it. */
export async function adopt(client: SignedJsonClient, id: string, body: SignatureIdentBody): Promise<LookUpResult> {
  const action = "adoptId";
  const looked = await lookUpQualification(client, id, warnOnce);
  if (!looked.listed) {
    throw new VolcengineError({
      kind: "input",
      action,
      code: ErrorCode.AdoptNotFound,
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
      code: ErrorCode.AdoptMismatch,
      message: `qualification ${id} is not the one these inputs describe: ${mismatches.join("; ")}; nothing recorded`,
      hint: "set adoptId to the qualification these inputs describe, or make the inputs match it",
    });
  }
  if (looked.review.reviewStatus === "rejected")
    warn(rejectionNotice(id, body.materialName, looked.review.reviewOpinion));
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

export async function refuseWhileSameNameUnderReview(client: SignedJsonClient, materialName: string): Promise<void> {
  const ids = await idsUnderReviewNamed(client, materialName, warnOnce);
  if (ids === undefined || ids.length === 0) return;
  throw new VolcengineError({
    kind: "input",
    action: APPLY_SIGNATURE_IDENT.action,
    code: ErrorCode.DuplicateUnderReview,
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
export async function reviewAfterFiling(
  client: SignedJsonClient,
  id: string,
  materialName: string,
  wait: WaitForApproval | undefined,
): Promise<LookUpResult> {
  // A qualification just filed is under review: asking would cost a request per create and tell nothing new.
  if (!wait) return { review: JUST_FILED, conclusive: false };
  const lookUp = () => lookUpQualification(client, id, warnOnce);
  const label = `SmsSignatureIdent: qualification ${id} "${materialName}"`;
  try {
    warn(`${label} filed; waiting up to ${duration(wait.timeoutSeconds * 1000)} for its review`);
    const outcome = await waitForReview({
      timeoutMs: wait.timeoutSeconds * 1000,
      pollMs: (wait.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000,
      lookUp,
      progress: (message) => warn(`${label}: ${message}`),
    });
    const { review } = outcome.result;
    if (outcome.timedOut) {
      warn(
        `${label} is still ${review.reviewStatus} after ${duration(outcome.waitedMs)}: the wait ended, the ` +
          "qualification is recorded and its review goes on; run pulumi refresh later to see the outcome",
      );
    } else if (review.reviewStatus === "rejected") {
      warn(rejectionNotice(id, materialName, review.reviewOpinion));
    } else {
      warn(`${label} is ${review.reviewStatus} after ${duration(outcome.waitedMs)}`);
    }
    return outcome.result;
  } catch (error) {
    // warn() redacts whatever the error says.
    const reason = error instanceof Error ? error.message : String(error);
    warn(
      `${label} was filed, but its review status could not be read (${reason}); it is recorded in the state: run ` +
        "pulumi refresh later",
    );
    // The qualification exists; its review is not known.
    return { review: UNKNOWN_REVIEW, conclusive: false };
  }
}

export function rejectionNotice(id: string, materialName: string, opinion: string): string {
  return (
    `SmsSignatureIdent: qualification ${id} "${materialName}" was rejected` +
    `${opinion ? `: ${opinion}` : " (no reason given)"}. Fix the inputs the reason names; pulumi up then files ` +
    "a new qualification (a replacement), and this one stays on the account."
  );
}
