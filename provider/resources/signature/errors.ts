/** The codes only signatures give, stable across versions (merged into the exported `ErrorCode`). */
export const SignatureErrorCode = {
  /** The qualification `qualificationId` names is not on the account; nothing was filed. */
  QualificationNotFound: "QualificationNotFound",
  /** The qualification is rejected or closed: no signature can be filed on it; nothing was filed. */
  QualificationNotUsable: "QualificationNotUsable",
  /** The qualification's purpose differs from the signature's; nothing was filed. */
  QualificationPurposeMismatch: "QualificationPurposeMismatch",
  /** The content is taken on the account by a signature of another qualification, purpose or source. */
  SignatureTaken: "SignatureTaken",
} as const;
