/** The codes only qualifications give, stable across versions (merged into the exported `ErrorCode`). */
export const QualificationErrorCode = {
  /** A qualification of the same materialName is under review; nothing was filed (see allowDuplicateName). */
  DuplicateUnderReview: "DuplicateUnderReview",
  /** The qualification `adoptId` names is not listed by the account; nothing was recorded. */
  AdoptNotFound: "AdoptNotFound",
  /** The qualification `adoptId` names differs from the inputs; nothing was recorded. */
  AdoptMismatch: "AdoptMismatch",
} as const;
