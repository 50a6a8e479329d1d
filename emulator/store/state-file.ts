// Persists what the emulator issued (qualifications, signatures, templates) so a restarted emulator (e.g. between two
// `pulumi up` runs) still knows it. Only what the list actions return is kept, plus review states, reasons and times:
// ID numbers, mobiles and file contents never reach the disk. A file written before signatures and templates existed
// (qualifications only) still loads.

import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { parseQualificationStatus, type QualificationStatus } from "../review-status";

const decimalId = z.string().regex(/^[1-9]\d*$/, "a positive decimal integer string");

const reviewStatus = z.string().transform((value, ctx): QualificationStatus => {
  const status = parseQualificationStatus(value);
  if (status === undefined) ctx.addIssue({ code: "custom", message: "a review status such as pending or status-9" });
  return status ?? "pending";
});

const storedQualification = z.object({
  id: decimalId,
  status: reviewStatus,
  createdAt: z.iso.datetime(),
  // Absent in state files written before reviews carried a reason and a time.
  opinion: z.string().default(""),
  reviewedAt: z.iso.datetime().nullable().default(null),
  purpose: z.union([z.literal(1), z.literal(2)]),
  materialName: z.string(),
  businessCertificateName: z.string(),
  operatorPersonName: z.string(),
  responsiblePersonName: z.string(),
  legalPersonName: z.string(),
  effectSignatures: z.array(z.string()),
});

const carrierFiling = z.object({ status: z.number().int(), reason: z.string() });
const signatureFields = {
  source: z.number().int(),
  purpose: z.number().int(),
  qualificationId: decimalId,
  subAccounts: z.array(z.string()),
  channelTypes: z.array(z.string()),
  desc: z.string(),
  scene: z.string(),
  domain: z.string(),
  uploadFileCount: z.number().int(),
  hasAppIcp: z.boolean(),
  hasTrademark: z.boolean(),
};

const storedSignature = z.object({
  ...signatureFields,
  rowId: decimalId,
  isOrder: z.boolean(),
  applyId: z.string(),
  content: z.string(),
  status: reviewStatus,
  reason: z.string(),
  createdAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
  report: z.object({ status: z.number().int(), cmcc: carrierFiling, ct: carrierFiling, unicom: carrierFiling }),
  reportDueAt: z.iso.datetime().nullable(),
  updateStatus: z.number().int(),
  updateReason: z.string(),
  updateType: z.number().int(),
  pendingUpdate: z.object(signatureFields).partial().nullable(),
});

const storedSecondTemplate = z.object({
  secondTemplateId: z.string(),
  signature: z.string(),
  reviewStatus: z.number().int(),
  reason: z.string(),
  createdAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
});

const storedTemplate = z.object({
  templateId: z.string(),
  name: z.string(),
  content: z.string(),
  channelType: z.string(),
  desc: z.string(),
  subAccounts: z.array(z.string()),
  templateParams: z.array(z.unknown()),
  shortUrlConfig: z.unknown(),
  createdAt: z.iso.datetime(),
  secondTemplates: z.array(storedSecondTemplate),
});

const stateFileSchema = z.object({
  nextId: decimalId,
  qualifications: z.array(storedQualification),
  signatures: z.array(storedSignature).default([]),
  nextOrderId: decimalId.optional(),
  nextRowId: decimalId.optional(),
  nextApply: z.number().int().optional(),
  templates: z.array(storedTemplate).default([]),
  nextTemplateId: z.number().int().optional(),
});

export type StoredQualification = z.output<typeof storedQualification>;
export type StoredSignature = z.output<typeof storedSignature>;
export type StoredTemplate = z.output<typeof storedTemplate>;
export type StateFileContents = z.output<typeof stateFileSchema>;

/** Reads the state file; undefined when it does not exist yet. Throws when it is not a state file. */
export function readStateFile(path: string): StateFileContents | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`emulator state file ${path} is not valid JSON`);
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`emulator state file ${path} is not an emulator state file: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Writes to a temporary file beside the target and renames it over, so a crash never leaves half a file. */
export function writeStateFileAtomically(path: string, contents: z.input<typeof stateFileSchema>): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const fd = openSync(temporary, "w", 0o600);
    try {
      writeSync(fd, `${JSON.stringify(contents, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
