export { type DocumentFileOptions, documentFile } from "./documents/document-file";
export { ErrorCode, VolcengineError, type VolcengineErrorKind } from "./errors";
export { type DeepInput, SmsSignatureIdent, type SmsSignatureIdentArgs } from "./resource";
export { type CheckFailure, checkSignatureIdentBody } from "./schema/check";
export {
  type BusinessInfo,
  CertificateType,
  DocType,
  type DocumentReference,
  type FileSuffix,
  type PersonInfo,
  Purpose,
  type SignAuthFile,
  type SignatureIdentBody,
  type SignatureIdentState,
} from "./types";
