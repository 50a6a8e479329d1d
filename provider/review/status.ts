/**
 * What a qualification's review state means to a user. The vendor documents no meaning for `auditStatus`: this table
 * assumes the enum its Go SDK uses for signature orders. It is the one place to fix if Volcengine says otherwise.
 */
export const AUDIT_STATUS: Readonly<Record<number, KnownReviewStatus>> = {
  1: "reviewing",
  2: "rejected",
  3: "approved",
  4: "closed",
  5: "exempted",
};

export type KnownReviewStatus = "reviewing" | "rejected" | "approved" | "closed" | "exempted";
/** `status-<n>` for a number the table lacks; `unknown` when the account cannot tell (see lookup.ts). */
export type ReviewStatus = KnownReviewStatus | `status-${number}` | "unknown";

/** The outputs a refresh or a create sets from what Volcengine lists. */
export interface Review {
  reviewStatus: ReviewStatus;
  /** The reviewer's reason; "" when none. */
  reviewOpinion: string;
  /** ISO 8601 UTC; "" when not reviewed yet. */
  reviewedAt: string;
  usable: boolean;
  /** True exactly when reviewStatus is "approved". */
  approved: boolean;
}

/** What is known of a qualification the list does not show, or whose status could not be read. */
export const UNKNOWN_REVIEW: Review = {
  reviewStatus: "unknown",
  reviewOpinion: "",
  reviewedAt: "",
  usable: false,
  approved: false,
};

export function reviewStatusOf(auditStatus: number | undefined): ReviewStatus {
  if (auditStatus === undefined) return "unknown";
  return AUDIT_STATUS[auditStatus] ?? `status-${auditStatus}`;
}

/** The vendor's number for a state the table names. */
export function auditStatusOf(status: KnownReviewStatus): number {
  return Number(Object.keys(AUDIT_STATUS).find((n) => AUDIT_STATUS[Number(n)] === status));
}

export function reviewedAtOf(unixSeconds: number): string {
  return unixSeconds > 0 ? new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z") : "";
}

/** Review states in which nothing will change without someone filing again. */
export function isFinal(status: ReviewStatus): boolean {
  return status !== "reviewing" && status !== "unknown";
}
