// Checks signature requests the way the vendor's SMS service does and reduces them to what the emulator keeps.
import { invalidParameter } from "../business-error";
import type { SignatureFields } from "../store/signatures";
import {
  type Fields,
  identifier,
  MAX_PAGE_SIZE,
  optionalFilesAt,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStrings,
  requestObject,
  requiredInteger,
  requiredObject,
  requiredString,
} from "./fields";

export const MIN_SIGNATURE_CHARS = 2;
export const MAX_SIGNATURE_CHARS = 25;
export const CHANNEL_TYPES = ["CN_OTP", "CN_NTC", "CN_MKT"];
const SOURCES = { min: 1, max: 3 };
const PURPOSES = { min: 1, max: 2 };

export interface ApplySignatureCommand {
  content: string;
  fields: SignatureFields;
}

export function validateApplySmsSignature(body: unknown): ApplySignatureCommand {
  const root = requestObject(body);
  const content = contentOf(root);
  const source = Number(requiredInteger(root, "source", "source", SOURCES));
  const fields: SignatureFields = {
    source,
    purpose: Number(requiredInteger(root, "purpose", "purpose", PURPOSES)),
    qualificationId: identifier(root.signatureIdentificationID, "signatureIdentificationID"),
    subAccounts: optionalStrings(root, "subAccounts", "subAccounts") ?? [],
    channelTypes: channelTypesOf(root),
    desc: optionalString(root, "desc", "desc") ?? "",
    scene: optionalString(root, "scene", "scene") ?? "",
    domain: optionalString(root, "domain", "domain") ?? "",
    uploadFileCount: optionalFilesAt(root, "uploadFileList", "uploadFileList", false).length,
    hasAppIcp: evidence(root, "appIcp", source === 2, (icp) => {
      requiredString(icp, "appIcpFilling", "appIcp.appIcpFilling");
      atLeastOneFile(icp, "appIcpFileList", "appIcp.appIcpFileList");
    }),
    hasTrademark: evidence(root, "trademark", source === 3, (mark) => {
      requiredString(mark, "trademarkNumber", "trademark.trademarkNumber");
      atLeastOneFile(mark, "trademarkFileList", "trademark.trademarkFileList");
    }),
  };
  return { content, fields };
}

export interface SignatureListQuery {
  signature?: string;
  subAccounts?: string[];
  status?: number;
  pageIndex: number;
  pageSize: number;
}

export function validateGetSignatureAndOrderList(params: unknown): SignatureListQuery {
  const root = requestObject(params);
  const signature = optionalString(root, "signature", "signature");
  const subAccounts = optionalStrings(root, "subAccounts", "subAccounts");
  const status = optionalInteger(root, "status", "status", { min: 0, max: 2 ** 31 - 1 });
  return {
    signature: signature === "" ? undefined : signature,
    subAccounts: subAccounts && subAccounts.length > 0 ? subAccounts : undefined,
    status: status === undefined ? undefined : Number(status),
    pageIndex: Number(optionalInteger(root, "pageIndex", "pageIndex", { min: 1, max: Number.MAX_SAFE_INTEGER }) ?? 1n),
    pageSize: Number(optionalInteger(root, "pageSize", "pageSize", { min: 1, max: MAX_PAGE_SIZE }) ?? 10n),
  };
}

export interface UpdateSignatureCommand {
  content: string;
  changes: Partial<SignatureFields>;
  updateType: number;
}

/** Only the fields given change; the content addresses the signature. */
export function validateUpdateSmsSignature(body: unknown): UpdateSignatureCommand {
  const root = requestObject(body);
  const content = requiredString(root, "content", "content");
  const changes: Partial<SignatureFields> = {};
  const integer = (key: string, range: { min: number; max: number }) => {
    const value = optionalInteger(root, key, key, range);
    return value === undefined ? undefined : Number(value);
  };
  const source = integer("source", SOURCES);
  if (source !== undefined) changes.source = source;
  const purpose = integer("purpose", PURPOSES);
  if (purpose !== undefined) changes.purpose = purpose;
  if (root.signatureIdentificationID !== undefined && root.signatureIdentificationID !== null) {
    changes.qualificationId = identifier(root.signatureIdentificationID, "signatureIdentificationID");
  }
  for (const key of ["desc", "scene", "domain"] as const) {
    const value = optionalString(root, key, key);
    if (value !== undefined) changes[key] = value;
  }
  const subAccounts = optionalStrings(root, "subAccounts", "subAccounts");
  if (subAccounts !== undefined) changes.subAccounts = subAccounts;
  if (root.channelTypes !== undefined && root.channelTypes !== null) changes.channelTypes = channelTypesOf(root);
  if (root.uploadFileList !== undefined && root.uploadFileList !== null) {
    changes.uploadFileCount = optionalFilesAt(root, "uploadFileList", "uploadFileList", false).length;
  }
  if (optionalObject(root, "appIcp", "appIcp")) changes.hasAppIcp = true;
  if (optionalObject(root, "trademark", "trademark")) changes.hasTrademark = true;
  return {
    content,
    changes,
    updateType: Number(optionalInteger(root, "updateType", "updateType", { min: 0, max: 2 }) ?? 0n),
  };
}

export interface DeleteSignatureCommand {
  rowId: bigint;
  isOrder: boolean;
}

export function validateDeleteSignature(body: unknown): DeleteSignatureCommand {
  const root = requestObject(body);
  // The Go SDK types the row id as a string in the list: a decimal string is taken as well as a number token.
  const rowId =
    typeof root.id === "string" && /^[1-9]\d{0,18}$/.test(root.id) ? BigInt(root.id) : identifier(root.id, "id");
  if (root.isOrder !== undefined && typeof root.isOrder !== "boolean")
    throw invalidParameter("isOrder must be a boolean");
  optionalStrings(root, "subAccounts", "subAccounts");
  return { rowId, isOrder: root.isOrder === true };
}

function contentOf(root: Fields): string {
  const content = requiredString(root, "content", "content");
  const length = [...content].length;
  if (length < MIN_SIGNATURE_CHARS || length > MAX_SIGNATURE_CHARS) {
    throw invalidParameter(`content must be ${MIN_SIGNATURE_CHARS} to ${MAX_SIGNATURE_CHARS} characters`);
  }
  if (/[【】]/u.test(content)) throw invalidParameter("content must not contain 【 or 】");
  return content;
}

function channelTypesOf(root: Fields): string[] {
  const types = optionalStrings(root, "channelTypes", "channelTypes") ?? [];
  const unknown = types.findIndex((type) => !CHANNEL_TYPES.includes(type));
  if (unknown >= 0) throw invalidParameter(`channelTypes[${unknown}] must be one of ${CHANNEL_TYPES.join(", ")}`);
  return [...new Set(types)];
}

/** The evidence a source needs: required with it, validated when given. */
function evidence(root: Fields, key: string, required: boolean, validate: (value: Fields) => void): boolean {
  const value = required ? requiredObject(root, key, key) : optionalObject(root, key, key);
  if (value) validate(value);
  return value !== undefined;
}

function atLeastOneFile(parent: Fields, key: string, path: string): void {
  if (optionalFilesAt(parent, key, path, true).length === 0) throw invalidParameter(`${path} needs at least one file`);
}
