/**
 * What a review state means to a user, for every reviewed object. `AUDIT_STATUS` is the table of qualifications
 * (`auditStatus`, undocumented: assumed to be the enum the vendor's Go SDK uses for signature orders) and of
 * signatures (`status`, documented with those values). It is the one place to fix if Volcengine says otherwise.
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

/** What is known of an object the list does not show, or whose status could not be read. */
export const UNKNOWN_REVIEW: Review = {
  reviewStatus: "unknown",
  reviewOpinion: "",
  reviewedAt: "",
  usable: false,
  approved: false,
};

export function reviewStatusOf(
  auditStatus: number | undefined,
  table: Readonly<Record<number, KnownReviewStatus>> = AUDIT_STATUS,
): ReviewStatus {
  if (auditStatus === undefined) return "unknown";
  return table[auditStatus] ?? `status-${auditStatus}`;
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

/** The review outputs an earlier create or refresh stored, or undefined when the state has none (older releases). */
export function storedReview(props: Record<string, unknown>): Review | undefined {
  const { reviewStatus, reviewOpinion, reviewedAt, usable, approved } = props;
  if (typeof reviewStatus !== "string") return undefined;
  return {
    reviewStatus: reviewStatus as ReviewStatus,
    reviewOpinion: typeof reviewOpinion === "string" ? reviewOpinion : "",
    reviewedAt: typeof reviewedAt === "string" ? reviewedAt : "",
    usable: usable === true,
    approved: approved === true,
  };
}
