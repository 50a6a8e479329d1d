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
export { VolcengineError, type VolcengineErrorKind } from "./http/errors";
export { checkSignatureIdentBody, type CheckFailure } from "./schema/check";
