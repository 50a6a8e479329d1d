// The qualifications the emulator has issued, and the simulated review that turns a pending
// qualification into an approved one.
import type { QualificationStatus } from "../review-status";
import type { StoredQualification } from "./state-file";

export type { QualificationStatus } from "../review-status";

export type Purpose = 1 | 2;

export interface Qualification {
  id: bigint;
  status: QualificationStatus;
  createdAt: Date;
  /** The reviewer's reason; "" when none. */
  opinion: string;
  /** When the review decided the current status; null while pending. */
  reviewedAt: Date | null;
  purpose: Purpose;
  materialName: string;
  businessCertificateName: string;
  operatorPersonName: string;
  responsiblePersonName: string;
  legalPersonName: string;
  effectSignatures: string[];
}

export type NewQualification = Omit<Qualification, "id" | "status" | "createdAt" | "opinion" | "reviewedAt">;
export type PersonNames = Partial<
  Pick<Qualification, "operatorPersonName" | "responsiblePersonName" | "legalPersonName">
>;

/** What every store of the emulator gets: the clock, the review's delay, and a way to have its state written. */
export interface StoreOptions {
  /** null: stays pending until setStatus() is called. */
  approvalDelayMs: number | null;
  now: () => Date;
  /** Called after every change: the emulator writes its state file. */
  changed: () => void;
}

export class UnknownQualificationError extends Error {
  constructor(id: bigint) {
    super(`no qualification with id ${id}`);
    this.name = "UnknownQualificationError";
  }
}

export class QualificationStore {
  private readonly byId: Map<bigint, Qualification>;

  constructor(
    private readonly options: StoreOptions,
    saved: readonly StoredQualification[],
    private nextId: bigint,
  ) {
    const qualifications = saved.map(fromStored);
    this.byId = new Map(qualifications.map((q) => [q.id, q]));
    // biome-ignore lint/complexity/useMathMinMax: ids are bigint, which Math.max does not take
    const highest = qualifications.reduce((max, q) => (q.id > max ? q.id : max), 0n);
    if (highest >= this.nextId) this.nextId = highest + 1n;
  }

  create(fields: NewQualification): Qualification {
    const qualification: Qualification = {
      ...fields,
      effectSignatures: [...fields.effectSignatures],
      id: this.nextId,
      status: "pending",
      createdAt: this.options.now(),
      opinion: "",
      reviewedAt: null,
    };
    this.nextId += 1n;
    this.byId.set(qualification.id, qualification);
    this.save();
    return qualification;
  }

  find(id: bigint): Qualification | undefined {
    const qualification = this.byId.get(id);
    if (qualification) this.reviewIfDue(qualification);
    return qualification;
  }

  all(): Qualification[] {
    const list = [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const q of list) this.reviewIfDue(q);
    return list;
  }

  /** Back to "pending" clears the review time; any other status is a review decided now. */
  setStatus(id: bigint, status: QualificationStatus, opinion = ""): void {
    this.mutate(id, (q) => {
      q.status = status;
      q.opinion = opinion;
      q.reviewedAt = status === "pending" ? null : this.options.now();
    });
  }

  bindSignatures(id: bigint, signatures: readonly string[]): void {
    this.mutate(id, (q) => {
      q.effectSignatures = [...new Set([...q.effectSignatures, ...signatures])];
    });
  }

  renamePeople(id: bigint, names: PersonNames): void {
    this.mutate(id, (q) => {
      for (const [key, name] of Object.entries(names) as [keyof PersonNames, string | undefined][]) {
        if (name !== undefined) q[key] = name;
      }
    });
  }

  private mutate(id: bigint, change: (q: Qualification) => void): void {
    const qualification = this.find(id);
    if (!qualification) throw new UnknownQualificationError(id);
    change(qualification);
    this.save();
  }

  // Computed when read rather than with timers: nothing keeps the process alive, and an
  // injected clock decides exactly when a review completes.
  private reviewIfDue(q: Qualification): void {
    const delay = this.options.approvalDelayMs;
    if (q.status !== "pending" || delay === null) return;
    const decidedAt = q.createdAt.getTime() + delay;
    if (this.options.now().getTime() >= decidedAt) {
      q.status = "approved";
      q.reviewedAt = new Date(decidedAt);
      this.save();
    }
  }

  private save(): void {
    this.options.changed();
  }

  /** What the state file keeps. */
  stored(): { nextId: string; qualifications: StoredQualification[] } {
    return { nextId: this.nextId.toString(), qualifications: [...this.byId.values()].map(toStored) };
  }
}

function toStored(q: Qualification): StoredQualification {
  return {
    ...q,
    id: q.id.toString(),
    createdAt: q.createdAt.toISOString(),
    reviewedAt: q.reviewedAt?.toISOString() ?? null,
    effectSignatures: [...q.effectSignatures],
  };
}

function fromStored(q: StoredQualification): Qualification {
  const createdAt = new Date(q.createdAt);
  // State files from before review times were kept: a decided review gets its creation time, not "never".
  const reviewedAt = q.reviewedAt !== null ? new Date(q.reviewedAt) : q.status === "pending" ? null : createdAt;
  return { ...q, id: BigInt(q.id), createdAt, reviewedAt };
}
