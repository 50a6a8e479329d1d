// Everything the emulator keeps, one store per kind, written to one state file after every change.
import { BusinessError } from "../business-error";
import { QualificationStore } from "./qualifications";
import { SignatureStore } from "./signatures";
import { readStateFile, writeStateFileAtomically } from "./state-file";
import { TemplateStore } from "./templates";

export type CreationKind = "qualification" | "signature" | "template";

export interface EmulatorStoreOptions {
  dataFile?: string;
  firstId: bigint;
  approvalDelayMs: number | null;
  carrierFilingDelayMs: number | null;
  now: () => Date;
}

export class EmulatorStore {
  readonly qualifications: QualificationStore;
  readonly signatures: SignatureStore;
  readonly templates: TemplateStore;
  /** At most this many creations of one kind per UTC day, then `1027`; null: no limit. */
  dailyCreationLimit: number | null = null;
  private readonly created = new Map<string, number>();
  private opened = false;

  constructor(private readonly options: EmulatorStoreOptions) {
    const saved = options.dataFile === undefined ? undefined : readStateFile(options.dataFile);
    const common = { approvalDelayMs: options.approvalDelayMs, now: options.now, changed: () => this.save() };
    const nextId = saved ? BigInt(saved.nextId) : options.firstId;
    this.qualifications = new QualificationStore(common, saved?.qualifications ?? [], nextId);
    this.signatures = new SignatureStore(
      { ...common, carrierFilingDelayMs: options.carrierFilingDelayMs },
      saved?.signatures ?? [],
      { nextOrderId: saved?.nextOrderId, nextRowId: saved?.nextRowId, nextApply: saved?.nextApply },
    );
    this.templates = new TemplateStore(common, saved?.templates ?? [], saved?.nextTemplateId);
    this.opened = true;
    this.save(); // an unwritable data file fails at startup, not at the first request
  }

  /** Counts a creation of `kind` today, or refuses it with `1027` past the daily limit. */
  admitCreation(kind: CreationKind): void {
    const key = `${kind} ${this.options.now().toISOString().slice(0, 10)}`;
    const count = this.created.get(key) ?? 0;
    if (this.dailyCreationLimit !== null && count >= this.dailyCreationLimit) {
      throw new BusinessError("1027", `daily creation limit reached: at most ${this.dailyCreationLimit} a day`);
    }
    this.created.set(key, count + 1);
  }

  /** Writes the state file now (every change already does). */
  save(): void {
    if (!this.opened || this.options.dataFile === undefined) return;
    writeStateFileAtomically(this.options.dataFile, {
      ...this.qualifications.stored(),
      ...this.signatures.stored(),
      ...this.templates.stored(),
    });
  }
}
