// A local stand-in for Volcengine's SMS qualification API (like LocalStack): signed requests,
// the vendor's envelopes and error codes, a simulated review, and injectable faults.

export type { EmulatorSettings } from "./admin";
export { type SelfSignedCertificate, selfSignedCertificate } from "./certificate";
export type { FaultKind, FaultSpec } from "./faults";
export { AUDIT_STATUS_CODES } from "./review-status";
export { IDENTIFICATION_LIST_VERSION, QUALIFICATION_API_VERSION } from "./sms-actions";
export type { RecordedRequest } from "./sms-gateway";
export type { EmulatorCredential, EmulatorOptions, QualificationSummary, RunningEmulator } from "./start-emulator";
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
export type { QualificationStatus } from "./store";
export type { TrafficCounters } from "./traffic";
