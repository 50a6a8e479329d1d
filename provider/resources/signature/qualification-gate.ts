/**
 * The API takes a signature only on an approved, usable qualification of the same purpose. A new stack files both at
 * once, so a signature whose qualification is still under review is not an error: it waits (nothing is filed) until
 * an `up` finds the qualification approved. A qualification that can never take it is an error naming both when
 * something would be filed; a refresh only reports it (a refresh that fails cannot show the rejection).
 */
import type { Context } from "../../engine/context";
import { VolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import { type Refusal, unlessRefused } from "../../review/refusal";
import type { ReviewStatus } from "../../review/status";
import { qualificationLabel } from "../qualification/filing";
import { lookUpQualification } from "../qualification/lookup";
import { Purpose } from "../qualification/types";
import { SignatureErrorCode } from "./errors";

export type Gate =
  | { ready: true; qualificationName: string }
  | { ready: false; qualificationStatus: ReviewStatus; why: string };

/** Why the qualification can never take the signature, with the state it was read in. */
export type QualificationRefusal = Refusal & { qualificationStatus: ReviewStatus };

const PURPOSE_NAMES: Record<number, string> = { [Purpose.SelfUse]: "1 (自用)", [Purpose.ForOthers]: "2 (他用)" };

type GateSignature = { content: string; purpose: number; qualificationId: string };

export async function qualificationGate(
  context: Context,
  client: ActionClient,
  signature: GateSignature,
  action: string,
): Promise<Gate> {
  return unlessRefused<Gate>(await assessQualification(context, client, signature, action));
}

export async function assessQualification(
  context: Context,
  client: ActionClient,
  signature: GateSignature,
  action: string,
): Promise<Gate | QualificationRefusal> {
  const id = signature.qualificationId;
  const looked = await lookUpQualification(context, client, id);
  const { reviewStatus, usable } = looked.review;
  const qualification = qualificationLabel(id, looked.listed?.materialName ?? "");
  const refuse = (
    qualificationStatus: ReviewStatus,
    code: string,
    message: string,
    hint: string,
  ): QualificationRefusal => ({
    qualificationStatus,
    refused: new VolcengineError({
      kind: "input",
      action,
      code,
      message: `signature "${signature.content}": ${message}`,
      hint,
    }),
  });
  if (!looked.listed) {
    if (!looked.conclusive) {
      const why = `${qualification} is not listed as approved (this account lists approved qualifications only)`;
      return { ready: false, qualificationStatus: "unknown", why };
    }
    return refuse(
      reviewStatus,
      SignatureErrorCode.QualificationNotFound,
      `${qualification} is not on this account; nothing was filed`,
      "set qualificationId to a qualification of this account (`npx pulumi-volcengine-sms qualifications` lists them)",
    );
  }
  if (looked.listed.purpose !== undefined && looked.listed.purpose !== signature.purpose) {
    return refuse(
      reviewStatus,
      SignatureErrorCode.QualificationPurposeMismatch,
      `its purpose is ${PURPOSE_NAMES[signature.purpose] ?? signature.purpose} but ${qualification} is for ` +
        `${PURPOSE_NAMES[looked.listed.purpose] ?? looked.listed.purpose}; nothing was filed`,
      "give the signature the qualification's purpose, or file it on a qualification of its purpose",
    );
  }
  if (reviewStatus === "rejected" || reviewStatus === "closed") {
    return refuse(
      reviewStatus,
      SignatureErrorCode.QualificationNotUsable,
      `${qualification} is ${reviewStatus}${looked.review.reviewOpinion ? ` (${looked.review.reviewOpinion})` : ""}, ` +
        "so no signature can be filed on it; nothing was filed",
      "fix the qualification (pulumi up files a new one) and point qualificationId at it: qualification.id does that",
    );
  }
  if ((reviewStatus === "approved" || reviewStatus === "exempted") && usable) {
    return { ready: true, qualificationName: looked.listed.materialName ?? "" };
  }
  const state =
    reviewStatus === "approved" || reviewStatus === "exempted" ? `${reviewStatus} but not usable yet` : reviewStatus;
  return { ready: false, qualificationStatus: reviewStatus, why: `${qualification} is ${state}` };
}
