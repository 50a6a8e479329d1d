// The review states the emulator keeps, and the auditStatus numbers GetSignatureIdentificationList
// (2026-01-01) shows for them. The numbers are an assumption (the Go SDK's enum for signature orders;
// the vendor documents none for qualifications): this table is the one place to fix them.
export const AUDIT_STATUS_CODES = {
  pending: 1,
  rejected: 2,
  approved: 3,
  closed: 4,
  exempted: 5,
} as const;

export type NamedStatus = keyof typeof AUDIT_STATUS_CODES;
/** A number outside the table, kept so tests can show a client a status it does not know. */
export type UnlistedStatus = `status-${number}`;
export type QualificationStatus = NamedStatus | UnlistedStatus;

const NAMES = new Map<number, NamedStatus>(
  Object.entries(AUDIT_STATUS_CODES).map(([name, code]) => [code, name as NamedStatus]),
);
const UNLISTED = /^status-(0|[1-9]\d{0,8})$/;

export function auditStatusCode(status: QualificationStatus): number {
  return isNamedStatus(status) ? AUDIT_STATUS_CODES[status] : Number(status.slice("status-".length));
}

/** A status from its name ("closed", "status-9") or its auditStatus number (4, 9); undefined when neither. */
export function parseQualificationStatus(value: unknown): QualificationStatus | undefined {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0 || value > 999_999_999) return undefined;
    return NAMES.get(value) ?? `status-${value}`;
  }
  if (typeof value !== "string") return undefined;
  if (isNamedStatus(value)) return value;
  return UNLISTED.test(value) ? parseQualificationStatus(Number(value.slice("status-".length))) : undefined;
}

/** Whether signatures may use the qualification: approved, or exempted from review. */
export function isUsable(status: QualificationStatus): boolean {
  return status === "approved" || status === "exempted";
}

function isNamedStatus(value: string): value is NamedStatus {
  return Object.hasOwn(AUDIT_STATUS_CODES, value);
}
