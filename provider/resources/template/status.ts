/**
 * A second-level template's `reviewStatus`, in words: 0 not submitted, 1 reviewing, 2 rejected, 3 approved (the
 * vendor's doc page). The one place to fix if Volcengine says otherwise.
 */
import type { SecondTemplate } from "../../api/template/list-second-template";
import type { KnownReviewStatus, Review } from "../../review/status";
import type { SecondTemplateOutput, TemplateOutputs } from "./types";

export const SECOND_TEMPLATE_STATUS: Readonly<Record<number, KnownReviewStatus | "not-submitted">> = {
  0: "not-submitted",
  1: "reviewing",
  2: "rejected",
  3: "approved",
};

export function secondTemplateOutput(second: SecondTemplate): SecondTemplateOutput {
  const reviewStatus =
    second.reviewStatus === undefined
      ? "unknown"
      : (SECOND_TEMPLATE_STATUS[second.reviewStatus] ?? (`status-${second.reviewStatus}` as const));
  return {
    signature: second.signature,
    secondTemplateId: second.secondTemplateId,
    reviewStatus,
    reviewOpinion: second.reason,
    usable: reviewStatus === "approved",
  };
}

/** One second-level template's review as the shared change line reads it. */
export function reviewOfSecond(
  second: Pick<SecondTemplateOutput, "reviewStatus" | "reviewOpinion" | "usable">,
): Review {
  const reviewStatus = second.reviewStatus === "not-submitted" ? "unknown" : second.reviewStatus;
  return {
    reviewStatus,
    reviewOpinion: second.reviewOpinion,
    reviewedAt: "",
    usable: second.usable,
    approved: reviewStatus === "approved",
  };
}

/** The send ids of the approved second-level templates, by signature. */
export function sendWithOf(seconds: readonly SecondTemplateOutput[]): TemplateOutputs["sendWith"] {
  return Object.fromEntries(seconds.filter((s) => s.usable).map((s) => [s.signature, s.secondTemplateId]));
}
