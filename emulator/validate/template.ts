// Checks template requests the way the vendor's SMS service does and reduces them to what the emulator keeps.
import { invalidParameter } from "../business-error";
import type { TemplateFields } from "../store/templates";
import {
  type Fields,
  MAX_PAGE_SIZE,
  optionalArray,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStrings,
  requestObject,
  requiredString,
} from "./fields";
import { CHANNEL_TYPES } from "./signature";

export interface ApplyTemplateCommand {
  fields: TemplateFields;
  signatures: string[];
}

export function validateApplySmsTemplate(body: unknown): ApplyTemplateCommand {
  const root = requestObject(body);
  const channelType = requiredString(root, "channelType", "channelType");
  if (!CHANNEL_TYPES.includes(channelType))
    throw invalidParameter(`channelType must be one of ${CHANNEL_TYPES.join(", ")}`);
  const shortUrlConfig = optionalObject(root, "shortUrlConfig", "shortUrlConfig");
  if (shortUrlConfig && channelType !== "CN_MKT") throw invalidParameter("shortUrlConfig is only for CN_MKT templates");
  const templateParams = optionalArray(root, "templateParams", "templateParams") ?? [];
  for (const [index, param] of templateParams.entries()) {
    if (param === null || typeof param !== "object")
      throw invalidParameter(`templateParams[${index}] must be an object`);
    requiredString(param as Fields, "name", `templateParams[${index}].name`);
  }
  return {
    fields: {
      name: requiredString(root, "name", "name"),
      content: requiredString(root, "content", "content"),
      channelType,
      desc: optionalString(root, "desc", "desc") ?? "",
      subAccounts: optionalStrings(root, "subAccounts", "subAccounts") ?? [],
      templateParams,
      shortUrlConfig: shortUrlConfig ?? null,
    },
    signatures: signaturesOf(root),
  };
}

export function validateBindSignatures(body: unknown): { templateId: string; signatures: string[] } {
  const root = requestObject(body);
  return { templateId: requiredString(root, "templateId", "templateId"), signatures: signaturesOf(root) };
}

export interface TemplateListQuery {
  templateId?: string;
  name?: string;
  content?: string;
  signature?: string;
  subAccounts?: string[];
  page: number;
  pageSize: number;
}

export function validateListSmsTemplates(params: unknown): TemplateListQuery {
  const root = requestObject(params);
  const text = (key: string) => {
    const value = optionalString(root, key, key);
    return value === "" ? undefined : value;
  };
  const subAccounts = optionalStrings(root, "subAccounts", "subAccounts");
  return {
    templateId: text("templateId"),
    name: text("name"),
    content: text("content"),
    signature: text("signature"),
    subAccounts: subAccounts && subAccounts.length > 0 ? subAccounts : undefined,
    ...paging(root),
  };
}

export interface SecondTemplateQuery {
  templateId?: string;
  secondTemplateId?: string;
  signatures?: string[];
  statuses?: number[];
  page: number;
  pageSize: number;
}

export function validateListSecondTemplates(params: unknown): SecondTemplateQuery {
  const root = requestObject(params);
  const text = (key: string) => {
    const value = optionalString(root, key, key);
    return value === "" ? undefined : value;
  };
  const signatures = optionalStrings(root, "signatureList", "signatureList");
  const statuses = optionalArray(root, "statusList", "statusList")?.map((value, index) =>
    Number(optionalInteger({ value }, "value", `statusList[${index}]`, { min: 0, max: 3 })),
  );
  return {
    templateId: text("templateId"),
    secondTemplateId: text("secondTemplateId"),
    signatures: signatures && signatures.length > 0 ? signatures : undefined,
    statuses: statuses && statuses.length > 0 ? statuses : undefined,
    ...paging(root),
  };
}

function signaturesOf(root: Fields): string[] {
  const signatures = optionalStrings(root, "signatures", "signatures") ?? [];
  if (signatures.length === 0) throw invalidParameter("signatures is required");
  return [...new Set(signatures)];
}

function paging(root: Fields): { page: number; pageSize: number } {
  return {
    page: Number(optionalInteger(root, "page", "page", { min: 1, max: Number.MAX_SAFE_INTEGER }) ?? 1n),
    pageSize: Number(optionalInteger(root, "pageSize", "pageSize", { min: 1, max: MAX_PAGE_SIZE }) ?? 10n),
  };
}
