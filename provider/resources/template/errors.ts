/** The codes only templates give, stable across versions (merged into the exported `ErrorCode`). */
export const TemplateErrorCode = {
  /** A signature the template names is rejected or closed: no template can be filed with it; nothing was filed. */
  SignatureNotUsable: "SignatureNotUsable",
  /** After an unknown outcome, a template of the same name but other content was found; nothing was recorded. */
  TemplateMismatch: "TemplateMismatch",
  /**
   * A replacement whose new template the account's list could not tell from the old one (same name, content, kind,
   * signatures and sub-accounts): pulumi up would take the old one back; refused in preview.
   */
  ReplacementLooksTheSame: "ReplacementLooksTheSame",
} as const;
