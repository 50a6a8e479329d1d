/**
 * What a signature's list row says, in words. The review uses the table every reviewed object shares
 * (review/status.ts: 1 reviewing, 2 rejected, 3 approved, 4 closed, 5 exempted, as the vendor's Go SDK documents for
 * signatures). The carriers' filing and the review of an update are not documented: these two tables are
 * assumptions, kept here as the one place to fix.
 */
import type {
  CarrierFiling as ListedCarrierFiling,
  SignatureRow,
} from "../../api/signature/get-signature-and-order-list";
import { type Review, reviewedAtOf, reviewStatusOf } from "../../review/status";
import type { CarrierFiling, CarrierFilingStatus, ReportStatus, SignatureOutputs } from "./types";

export const CARRIER_FILING_STATUS: Readonly<Record<number, CarrierFilingStatus>> = {
  0: "not-started",
  1: "filing",
  2: "filed",
  3: "failed",
};

/** `updateStatus` of a row: 0 none (no update), then the review table's 1, 2, 3. */
export const UPDATE_STATUS: Readonly<Record<number, SignatureOutputs["updateReviewStatus"]>> = {
  0: "none",
  1: "reviewing",
  2: "rejected",
  3: "approved",
};

export const NOT_REPORTED: ReportStatus = {
  status: "not-started",
  cmcc: { status: "not-started", reason: "" },
  ct: { status: "not-started", reason: "" },
  unicom: { status: "not-started", reason: "" },
};

export function reviewOfRow(row: SignatureRow): Review {
  const reviewStatus = reviewStatusOf(row.status);
  const approved = reviewStatus === "approved";
  return {
    reviewStatus,
    reviewOpinion: row.reason,
    reviewedAt: reviewedAtOf(row.auditedAt),
    usable: row.usable ?? (approved || reviewStatus === "exempted"),
    approved,
  };
}

export function reportOfRow(row: SignatureRow): ReportStatus {
  const carrier = (filing: ListedCarrierFiling): CarrierFiling => ({
    status: carrierStatusOf(filing.status),
    reason: filing.reason,
  });
  return {
    status: carrierStatusOf(row.reportStatus.status),
    cmcc: carrier(row.reportStatus.cmcc),
    ct: carrier(row.reportStatus.ct),
    unicom: carrier(row.reportStatus.unicom),
  };
}

export function updateReviewOf(row: SignatureRow): SignatureOutputs["updateReviewStatus"] {
  if (row.updateStatus === undefined) return "none";
  return UPDATE_STATUS[row.updateStatus] ?? `status-${row.updateStatus}`;
}

function carrierStatusOf(status: number | undefined): CarrierFilingStatus {
  if (status === undefined) return "unknown";
  return CARRIER_FILING_STATUS[status] ?? `status-${status}`;
}
