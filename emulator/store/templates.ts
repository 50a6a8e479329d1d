// The account's templates of the V2 system: a first-level template (S1T_…) and, per signature it names, a
// second-level one (S2T_…) reviewed on its own. No action deletes or changes one; signatures can be added.
import { invalidParameter } from "../business-error";
import type { StoreOptions } from "./qualifications";
import type { StoredTemplate } from "./state-file";

/** A second-level template's review: 0 not submitted, 1 reviewing, 2 rejected, 3 approved. */
export const SECOND_TEMPLATE_STATUS_CODES = { notSubmitted: 0, reviewing: 1, rejected: 2, approved: 3 } as const;

export interface SecondTemplate {
  secondTemplateId: string;
  signature: string;
  reviewStatus: number;
  reason: string;
  createdAt: Date;
  reviewedAt: Date | null;
}

export interface TemplateFields {
  name: string;
  content: string;
  channelType: string;
  desc: string;
  subAccounts: string[];
  templateParams: unknown[];
  shortUrlConfig: unknown;
}

export interface Template extends TemplateFields {
  templateId: string;
  createdAt: Date;
  secondTemplates: SecondTemplate[];
}

export class UnknownTemplateError extends Error {
  constructor(id: string) {
    super(`no template or second-level template with id ${JSON.stringify(id)}`);
    this.name = "UnknownTemplateError";
  }
}

export class TemplateStore {
  private readonly byId: Map<string, Template>;
  private nextId: number;

  constructor(
    private readonly options: StoreOptions,
    saved: readonly StoredTemplate[],
    nextId?: number,
  ) {
    const templates = saved.map(fromStored);
    this.byId = new Map(templates.map((t) => [t.templateId, t]));
    const seconds = templates.reduce((count, t) => count + t.secondTemplates.length, 0);
    this.nextId = nextId ?? templates.length + seconds + 1;
  }

  apply(fields: TemplateFields, signatures: readonly string[]): Template {
    const now = this.options.now();
    const template: Template = { ...fields, templateId: this.newId("S1T"), createdAt: now, secondTemplates: [] };
    for (const signature of signatures) template.secondTemplates.push(this.second(signature, now));
    this.byId.set(template.templateId, template);
    this.save();
    return template;
  }

  /** Adds a second-level template for each signature not bound yet; returns the new ones. */
  bind(templateId: string, signatures: readonly string[]): SecondTemplate[] {
    const template = this.find(templateId);
    if (!template) throw invalidParameter("templateId does not match any template");
    const bound = new Set(template.secondTemplates.map((s) => s.signature));
    const added = signatures.filter((s) => !bound.has(s)).map((s) => this.second(s, this.options.now()));
    template.secondTemplates.push(...added);
    this.save();
    return added;
  }

  find(templateId: string): Template | undefined {
    const template = this.byId.get(templateId);
    if (template) this.reviewIfDue(template);
    return template;
  }

  all(): Template[] {
    const list = [...this.byId.values()];
    for (const template of list) this.reviewIfDue(template);
    return list;
  }

  /** A reviewer's decision on one second-level template. */
  decide(secondTemplateId: string, reviewStatus: number, reason = ""): void {
    for (const template of this.byId.values()) {
      const second = template.secondTemplates.find((s) => s.secondTemplateId === secondTemplateId);
      if (second === undefined) continue;
      second.reviewStatus = reviewStatus;
      second.reason = reason;
      second.reviewedAt = this.options.now();
      this.save();
      return;
    }
    throw new UnknownTemplateError(secondTemplateId);
  }

  approveAll(templateId: string): void {
    const template = this.find(templateId);
    if (!template) throw new UnknownTemplateError(templateId);
    for (const second of template.secondTemplates)
      this.decide(second.secondTemplateId, SECOND_TEMPLATE_STATUS_CODES.approved);
  }

  stored(): { templates: StoredTemplate[]; nextTemplateId: number } {
    return { templates: [...this.byId.values()].map(toStored), nextTemplateId: this.nextId };
  }

  private second(signature: string, now: Date): SecondTemplate {
    const reviewing = SECOND_TEMPLATE_STATUS_CODES.reviewing;
    return {
      secondTemplateId: this.newId("S2T"),
      signature,
      reviewStatus: reviewing,
      reason: "",
      createdAt: now,
      reviewedAt: null,
    };
  }

  private newId(prefix: "S1T" | "S2T"): string {
    return `${prefix}_${String(this.nextId++).padStart(8, "0")}`;
  }

  // Computed when read rather than with timers, as the qualifications' review is.
  private reviewIfDue(template: Template): void {
    const delay = this.options.approvalDelayMs;
    if (delay === null) return;
    const now = this.options.now().getTime();
    for (const second of template.secondTemplates) {
      const decidedAt = second.createdAt.getTime() + delay;
      if (second.reviewStatus === SECOND_TEMPLATE_STATUS_CODES.reviewing && now >= decidedAt) {
        second.reviewStatus = SECOND_TEMPLATE_STATUS_CODES.approved;
        second.reviewedAt = new Date(decidedAt);
        this.save();
      }
    }
  }

  private save(): void {
    this.options.changed();
  }
}

function toStored(t: Template): StoredTemplate {
  return {
    ...t,
    createdAt: t.createdAt.toISOString(),
    secondTemplates: t.secondTemplates.map((s) => ({
      ...s,
      createdAt: s.createdAt.toISOString(),
      reviewedAt: s.reviewedAt?.toISOString() ?? null,
    })),
  };
}

function fromStored(t: StoredTemplate): Template {
  return {
    ...t,
    createdAt: new Date(t.createdAt),
    secondTemplates: t.secondTemplates.map((s) => ({
      ...s,
      createdAt: new Date(s.createdAt),
      reviewedAt: s.reviewedAt === null ? null : new Date(s.reviewedAt),
    })),
  };
}
