/** The package as a program imports it: one block per resource, then what they share. Loads neither zod nor undici. */
import { ErrorCode as ProviderErrorCode } from "./errors";
import { QualificationErrorCode } from "./resources/qualification/errors";
import { SignatureErrorCode } from "./resources/signature/errors";
import { TemplateErrorCode } from "./resources/template/errors";

// Errors, review and inputs, shared by every resource.
export type { CheckFailure } from "./check/failures";
// Documents, as every resource that carries scans takes them.
export { type DocumentFileOptions, documentFile } from "./documents/document-file";
export { DocType, type DocumentReference, type FileSuffix, type SignAuthFile } from "./documents/sign-auth-file";
export type { DeepInput } from "./engine/program";
export { isVolcengineError, VolcengineError, type VolcengineErrorKind } from "./errors";
// SmsSignatureIdent: the signature qualification (短信签名资质).
export { checkSignatureIdentBody } from "./resources/qualification/check";
export { SmsSignatureIdent, type SmsSignatureIdentArgs } from "./resources/qualification/resource";
export {
  type BusinessInfo,
  CertificateType,
  type PersonInfo,
  Purpose,
  type SignatureIdentBody,
  type SignatureIdentControls,
  type SignatureIdentState,
} from "./resources/qualification/types";
// SmsSignature: the SMS signature (短信签名), filed on a qualification.
export { SmsSignature, type SmsSignatureArgs } from "./resources/signature/resource";
export {
  type AppIcp,
  type CarrierFiling,
  type CarrierFilingStatus,
  ChannelType,
  type ReportStatus,
  type SignatureBody,
  type SignatureControls,
  SignatureSource,
  type SignatureState,
  type SignatureStatus,
  type Trademark,
} from "./resources/signature/types";
// SmsTemplate: the SMS template (短信模板) of the V2 system, bound to signatures.
export { SmsTemplate, type SmsTemplateArgs } from "./resources/template/resource";
export {
  type SecondTemplateOutput,
  type ShortUrlConfig,
  type TemplateBody,
  type TemplateParam,
  TemplateParamType,
  type TemplateState,
  type TemplateStatus,
} from "./resources/template/types";
export type { KnownReviewStatus, Review, ReviewStatus } from "./review/status";
export type { WaitForApproval } from "./review/wait";

/** Every code the provider itself gives, for any resource: stable across versions, to branch on. */
export const ErrorCode = {
  ...ProviderErrorCode,
  ...QualificationErrorCode,
  ...SignatureErrorCode,
  ...TemplateErrorCode,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
