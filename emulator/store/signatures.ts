// The account's signatures: an application is an order row under review; once decided it is replaced by a signature
// row with an id of its own (the vendor's list shows that move). An approved signature is then filed with the three
// carriers. A change of a signature is reviewed too, and applied only when approved.
import { BusinessError, invalidParameter } from "../business-error";
import type { QualificationStatus } from "../review-status";
import type { StoreOptions } from "./qualifications";
import type { StoredSignature } from "./state-file";

/** The carriers' filing (报备) per operator: 0 not started, 1 in progress, 2 filed, 3 failed (an assumption). */
export const CARRIER_FILING_CODES = { notStarted: 0, inProgress: 1, filed: 2, failed: 3 } as const;
/** The review of a change: 0 none, then as a review, 1 reviewing, 2 rejected, 3 approved. */
export const UPDATE_STATUS_CODES = { none: 0, reviewing: 1, rejected: 2, approved: 3 } as const;

export const CARRIERS = ["cmcc", "ct", "unicom"] as const;
export type Carrier = (typeof CARRIERS)[number];

export interface CarrierFiling {
  status: number;
  reason: string;
}

/** What a filing or an update sets; the content addresses the signature and never changes. */
export interface SignatureFields {
  source: number;
  purpose: number;
  qualificationId: bigint;
  subAccounts: string[];
  channelTypes: string[];
  desc: string;
  scene: string;
  domain: string;
  uploadFileCount: number;
  hasAppIcp: boolean;
  hasTrademark: boolean;
}

export interface Signature extends SignatureFields {
  /** The row's id: an order's while under review, a signature's once decided. */
  rowId: bigint;
  isOrder: boolean;
  applyId: string;
  content: string;
  status: QualificationStatus;
  reason: string;
  createdAt: Date;
  reviewedAt: Date | null;
  report: { status: number } & Record<Carrier, CarrierFiling>;
  /** When the carriers' filing completes by itself; null: only by the admin call. */
  reportDueAt: Date | null;
  updateStatus: number;
  updateReason: string;
  updateType: number;
  /** A change under review, applied when approved. */
  pendingUpdate: Partial<SignatureFields> | null;
}

export interface SignatureStoreOptions extends StoreOptions {
  /** After approval, the carriers' filing completes after this long; null: only by the admin call. */
  carrierFilingDelayMs: number | null;
}

export class UnknownSignatureError extends Error {
  constructor(content: string) {
    super(`no signature with content ${JSON.stringify(content)}`);
    this.name = "UnknownSignatureError";
  }
}

const ORDER_IDS_START = 7_000_000_000_000_001n;
const ROW_IDS_START = 8_000_000_000_000_001n;

export class SignatureStore {
  private readonly byContent: Map<string, Signature>;
  private nextOrderId: bigint;
  private nextRowId: bigint;
  private nextApply: number;

  constructor(
    private readonly options: SignatureStoreOptions,
    saved: readonly StoredSignature[],
    sequences: { nextOrderId?: string; nextRowId?: string; nextApply?: number } = {},
  ) {
    const signatures = saved.map(fromStored);
    this.byContent = new Map(signatures.map((s) => [s.content, s]));
    const highest = (isOrder: boolean, start: bigint) =>
      signatures.filter((s) => s.isOrder === isOrder).reduce((max, s) => (s.rowId >= max ? s.rowId + 1n : max), start);
    this.nextOrderId = maxOf(BigInt(sequences.nextOrderId ?? ORDER_IDS_START), highest(true, ORDER_IDS_START));
    this.nextRowId = maxOf(BigInt(sequences.nextRowId ?? ROW_IDS_START), highest(false, ROW_IDS_START));
    this.nextApply = sequences.nextApply ?? signatures.length + 1;
  }

  /** A new application; `1003` when a row of this content exists (an order under review, or a signature). */
  apply(content: string, fields: SignatureFields): Signature {
    if (this.find(content)) throw new BusinessError("1003", "signature already existed");
    const now = this.options.now();
    const signature: Signature = {
      ...fields,
      rowId: this.nextOrderId++,
      isOrder: true,
      applyId: `SA${now.toISOString().slice(0, 10).replace(/-/g, "")}${String(this.nextApply++).padStart(6, "0")}`,
      content,
      status: "pending",
      reason: "",
      createdAt: now,
      reviewedAt: null,
      report: notReported(),
      reportDueAt: null,
      updateStatus: UPDATE_STATUS_CODES.none,
      updateReason: "",
      updateType: 0,
      pendingUpdate: null,
    };
    this.byContent.set(content, signature);
    this.save();
    return signature;
  }

  find(content: string): Signature | undefined {
    const signature = this.byContent.get(content);
    if (signature) this.reviewIfDue(signature);
    return signature;
  }

  all(): Signature[] {
    const list = [...this.byContent.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const signature of list) this.reviewIfDue(signature);
    return list;
  }

  /**
   * A reviewer's decision. Deciding an application replaces its order row by a signature row with a new id; an
   * approval starts the carriers' filing.
   */
  decide(content: string, status: QualificationStatus, reason = ""): void {
    this.mutate(content, (signature) => {
      this.settle(signature, status, reason, this.options.now());
    });
  }

  fileWithCarriers(
    content: string,
    outcomes: Partial<Record<Carrier, { status: number; reason?: string }>> = {},
  ): void {
    this.mutate(content, (signature) => {
      for (const carrier of CARRIERS) {
        const outcome = outcomes[carrier] ?? { status: CARRIER_FILING_CODES.filed };
        signature.report[carrier] = { status: outcome.status, reason: outcome.reason ?? "" };
      }
      signature.report.status = overallFiling(signature.report);
      signature.reportDueAt = null;
    });
  }

  /** A change, reviewed before it applies; refused while the signature or a change of it is under review. */
  update(content: string, changes: Partial<SignatureFields>, updateType: number): void {
    const signature = this.find(content);
    if (!signature) throw invalidParameter("content does not match any signature");
    if (signature.isOrder && signature.status === "pending") throw invalidParameter("the signature is under review");
    if (signature.updateStatus === UPDATE_STATUS_CODES.reviewing) throw invalidParameter("an update is under review");
    signature.pendingUpdate = changes;
    signature.updateStatus = UPDATE_STATUS_CODES.reviewing;
    signature.updateReason = "";
    signature.updateType = updateType;
    this.save();
  }

  decideUpdate(content: string, approved: boolean, reason = ""): void {
    this.mutate(content, (signature) => {
      if (signature.updateStatus !== UPDATE_STATUS_CODES.reviewing) throw new Error("no update is under review");
      if (approved) {
        Object.assign(signature, signature.pendingUpdate);
        if (signature.status === "rejected") this.settle(signature, "approved", "", this.options.now());
      }
      signature.updateStatus = approved ? UPDATE_STATUS_CODES.approved : UPDATE_STATUS_CODES.rejected;
      signature.updateReason = approved ? "" : reason;
      signature.pendingUpdate = null;
    });
  }

  /** What the vendor's 2026 migration does by itself: another purpose or source, without a review. */
  rewrite(content: string, changes: { purpose?: number; source?: number }): void {
    this.mutate(content, (signature) => Object.assign(signature, changes));
  }

  /** Deleted in the console. */
  remove(content: string): void {
    if (!this.byContent.delete(content)) throw new UnknownSignatureError(content);
    this.save();
  }

  /**
   * DeleteSignature: `isOrder` withdraws an application under review, else deletes a signature row. An order id no
   * longer under review answers `1005`; an id of no row of that kind `1001`.
   */
  deleteRow(rowId: bigint, isOrder: boolean): void {
    const rows = this.all();
    const row = rows.find((s) => s.rowId === rowId && s.isOrder === isOrder);
    if (isOrder && (row === undefined || row.status !== "pending")) {
      const decided = row !== undefined || rows.some((s) => s.rowId === rowId);
      if (decided || this.wasOrder(rowId)) throw new BusinessError("1005", "status is not reviewing");
      throw invalidParameter("id does not match any signature application");
    }
    if (row === undefined) throw invalidParameter("id does not match any signature");
    this.byContent.delete(row.content);
    this.save();
  }

  stored(): { signatures: StoredSignature[]; nextOrderId: string; nextRowId: string; nextApply: number } {
    return {
      signatures: [...this.byContent.values()].map(toStored),
      nextOrderId: this.nextOrderId.toString(),
      nextRowId: this.nextRowId.toString(),
      nextApply: this.nextApply,
    };
  }

  /** An id the order sequence handed out: an application that was decided since answers 1005, not 1001. */
  private wasOrder(rowId: bigint): boolean {
    return rowId >= ORDER_IDS_START && rowId < this.nextOrderId;
  }

  private settle(signature: Signature, status: QualificationStatus, reason: string, at: Date): void {
    if (signature.isOrder && status !== "pending") {
      signature.isOrder = false;
      signature.rowId = this.nextRowId++;
    }
    signature.status = status;
    signature.reason = reason;
    signature.reviewedAt = status === "pending" ? null : at;
    if (status === "approved" || status === "exempted") {
      signature.report = notReported();
      for (const carrier of CARRIERS) signature.report[carrier].status = CARRIER_FILING_CODES.inProgress;
      signature.report.status = CARRIER_FILING_CODES.inProgress;
      const delay = this.options.carrierFilingDelayMs;
      signature.reportDueAt = delay === null ? null : new Date(at.getTime() + delay);
    }
  }

  private mutate(content: string, change: (signature: Signature) => void): void {
    const signature = this.find(content);
    if (!signature) throw new UnknownSignatureError(content);
    change(signature);
    this.save();
  }

  // Computed when read rather than with timers, as the qualifications' review is.
  private reviewIfDue(signature: Signature): void {
    const delay = this.options.approvalDelayMs;
    const now = this.options.now().getTime();
    if (signature.isOrder && signature.status === "pending" && delay !== null) {
      const decidedAt = signature.createdAt.getTime() + delay;
      if (now >= decidedAt) {
        this.settle(signature, "approved", "", new Date(decidedAt));
        this.save();
      }
    }
    if (signature.reportDueAt !== null && now >= signature.reportDueAt.getTime()) {
      for (const carrier of CARRIERS) signature.report[carrier] = { status: CARRIER_FILING_CODES.filed, reason: "" };
      signature.report.status = CARRIER_FILING_CODES.filed;
      signature.reportDueAt = null;
      this.save();
    }
  }

  private save(): void {
    this.options.changed();
  }
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function notReported(): Signature["report"] {
  const none = () => ({ status: CARRIER_FILING_CODES.notStarted, reason: "" });
  return { status: CARRIER_FILING_CODES.notStarted, cmcc: none(), ct: none(), unicom: none() };
}

/** Failed when one carrier failed, filed when all did, else in progress. */
function overallFiling(report: Signature["report"]): number {
  const statuses = CARRIERS.map((carrier) => report[carrier].status);
  if (statuses.includes(CARRIER_FILING_CODES.failed)) return CARRIER_FILING_CODES.failed;
  return statuses.every((s) => s === CARRIER_FILING_CODES.filed)
    ? CARRIER_FILING_CODES.filed
    : CARRIER_FILING_CODES.inProgress;
}

function toStored(s: Signature): StoredSignature {
  return {
    ...s,
    rowId: s.rowId.toString(),
    qualificationId: s.qualificationId.toString(),
    createdAt: s.createdAt.toISOString(),
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    reportDueAt: s.reportDueAt?.toISOString() ?? null,
    pendingUpdate:
      s.pendingUpdate === null
        ? null
        : {
            ...s.pendingUpdate,
            qualificationId: s.pendingUpdate.qualificationId?.toString(),
          },
  };
}

function fromStored(s: StoredSignature): Signature {
  const pending = s.pendingUpdate;
  return {
    ...s,
    rowId: BigInt(s.rowId),
    qualificationId: BigInt(s.qualificationId),
    createdAt: new Date(s.createdAt),
    reviewedAt: s.reviewedAt === null ? null : new Date(s.reviewedAt),
    reportDueAt: s.reportDueAt === null ? null : new Date(s.reportDueAt),
    pendingUpdate:
      pending === null
        ? null
        : {
            ...pending,
            qualificationId: pending.qualificationId === undefined ? undefined : BigInt(pending.qualificationId),
          },
  };
}
