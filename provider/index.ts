export { SmsSignatureIdent, type SmsSignatureIdentArgs, type DeepInput } from "./resource";
export {
  DocType,
  Purpose,
  CertificateType,
  type BusinessInfo,
  type PersonInfo,
  type SignAuthFile,
  type DocumentReference,
  type FileSuffix,
  type SignatureIdentBody,
  type SignatureIdentState,
} from "./types";
export { documentFile, type DocumentFileOptions } from "./documents/document-file";
export { ErrorCode, VolcengineError, type VolcengineErrorKind } from "./errors";
export { checkSignatureIdentBody, type CheckFailure } from "./schema/check";
