// A local stand-in for Volcengine's SMS API (like LocalStack): qualifications, signatures and templates, signed
// requests, the vendor's envelopes and error codes, a simulated review, and injectable faults.

export { IDENTIFICATION_LIST_VERSION, QUALIFICATION_API_VERSION } from "./actions/qualification";
export { SIGNATURE_API_VERSIONS } from "./actions/signature";
export type { EmulatorSettings } from "./admin";
export { type SelfSignedCertificate, selfSignedCertificate } from "./certificate";
export type { FaultKind, FaultSpec } from "./faults";
export type { QualificationStatus } from "./review-status";
export { AUDIT_STATUS_CODES } from "./review-status";
export type { RecordedRequest } from "./sms-gateway";
export type {
  CarrierOutcomes,
  EmulatorCredential,
  EmulatorOptions,
  QualificationSummary,
  RunningEmulator,
  SignatureSummary,
  TemplateSummary,
} from "./start-emulator";
export {
  DEFAULT_APPROVAL_DELAY_MS,
  DEFAULT_EMULATOR_ACCESS_KEY,
  DEFAULT_EMULATOR_REGIONS,
  DEFAULT_EMULATOR_SECRET_KEY,
  DEFAULT_FIRST_ID,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUIRED_SIGNED_HEADERS,
  startEmulator,
} from "./start-emulator";
export { CARRIER_FILING_CODES, UPDATE_STATUS_CODES } from "./store/signatures";
export { SECOND_TEMPLATE_STATUS_CODES } from "./store/templates";
export type { TrafficCounters } from "./traffic";
