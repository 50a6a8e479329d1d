export { SmsSignatureIdent, type SmsSignatureIdentArgs, type DeepInput } from "./resource";
export {
  DocType,
  Purpose,
  CertificateType,
  type BusinessInfo,
  type PersonInfo,
  type SignAuthFile,
  type FileSuffix,
  type SignatureIdentBody,
  type SignatureIdentState,
} from "./types";
export { VolcengineError, type VolcengineErrorKind } from "./http/errors";
export { checkSignatureIdentBody, type CheckFailure } from "./schema/check";
