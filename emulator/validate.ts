// Checks request bodies the way the vendor's SMS service does and reduces them to what the
// emulator keeps. Every failure is a 1001 whose message names the field and never repeats the
// value: ID numbers, mobiles and file contents are personal data.
import { invalidParameter } from "./business-error";
import { numberToken } from "./json";

export const MAX_MATERIAL_NAME_CHARS = 20;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_SIGNATURES_PER_BIND = 100;
export const MAX_PAGE_SIZE = 100;
const FILE_SUFFIXES = ["jpg", "jpeg", "png"];
const DOC_TYPES = { min: 0, max: 17 };
const INT64_MAX = (1n << 63n) - 1n;

export type Purpose = 1 | 2;

export interface ApplySignatureIdentCommand {
  purpose: Purpose;
  materialName: string;
  businessCertificateName: string;
  legalPersonName: string;
  operatorPersonName: string;
  responsiblePersonName: string;
  effectSignatures: string[];
}

export interface GetSignatureIdentListQuery {
  ids?: bigint[];
  pageIndex: number;
  pageSize: number;
}

export interface GetSignatureIdentificationListQuery {
  id?: bigint;
  materialName?: string;
  /** auditStatus numbers; undefined = every status. */
  statuses?: number[];
  pageIndex: number;
  pageSize: number;
}

export interface BatchBindSignatureIdentCommand {
  id: bigint;
  signatures: string[];
  subAccount: string;
}

export interface UpdateSignatureIdentCommand {
  id: bigint;
  operatorPersonName?: string;
  responsiblePersonName?: string;
  legalPersonName?: string;
}

type Fields = Record<string, unknown>;

export function validateApplySignatureIdent(body: unknown): ApplySignatureIdentCommand {
  const root = requestObject(body);
  const materialName = requiredString(root, "materialName", "materialName");
  if ([...materialName].length > MAX_MATERIAL_NAME_CHARS) {
    throw invalidParameter(`materialName must be at most ${MAX_MATERIAL_NAME_CHARS} characters`);
  }
  const purpose = requiredInteger(root, "purpose", "purpose");
  if (purpose !== 1n && purpose !== 2n) throw invalidParameter("purpose must be 1 or 2");

  const business = requiredObject(root, "businessInfo", "businessInfo");
  requiredInteger(business, "businessCertificateType", "businessInfo.businessCertificateType", DOC_TYPES);
  validateFile(
    requiredObject(business, "businessCertificate", "businessInfo.businessCertificate"),
    "businessInfo.businessCertificate",
  );
  const businessCertificateName = requiredString(
    business,
    "businessCertificateName",
    "businessInfo.businessCertificateName",
  );
  requiredString(business, "unifiedSocialCreditIdentifier", "businessInfo.unifiedSocialCreditIdentifier");
  requiredDate(
    business,
    "businessCertificateValidityPeriodStart",
    "businessInfo.businessCertificateValidityPeriodStart",
  );
  requiredDate(business, "businessCertificateValidityPeriodEnd", "businessInfo.businessCertificateValidityPeriodEnd");
  const legalPersonName = requiredString(business, "legalPersonName", "businessInfo.legalPersonName");

  const operatorPersonName = validatePerson(requiredObject(root, "operatorPerson", "operatorPerson"), "operatorPerson");
  const responsiblePersonName = validatePerson(
    requiredObject(root, "responsiblePersonInfo", "responsiblePersonInfo"),
    "responsiblePersonInfo",
  );
  const legalPerson = optionalObject(root, "legalPerson", "legalPerson");
  if (legalPerson) validatePerson(legalPerson, "legalPerson");

  const powerOfAttorney = optionalFiles(root, "powerOfAttorney");
  if (purpose === 2n && powerOfAttorney.length === 0) {
    throw invalidParameter("powerOfAttorney is required when purpose is 2");
  }
  optionalFiles(root, "otherMaterials");
  const effectSignatures = optionalStrings(root, "effectSignatures", "effectSignatures") ?? [];

  return {
    purpose: purpose === 1n ? 1 : 2,
    materialName,
    businessCertificateName,
    legalPersonName,
    operatorPersonName,
    responsiblePersonName,
    effectSignatures: [...new Set(effectSignatures)],
  };
}

export function validateGetSignatureIdentList(body: unknown): GetSignatureIdentListQuery {
  const root = requestObject(body);
  const idValues = optionalArray(root, "ids", "ids");
  const ids = idValues?.map((value, index) => identifier(value, `ids[${index}]`));
  const pageIndex = optionalInteger(root, "pageIndex", "pageIndex", { min: 1, max: Number.MAX_SAFE_INTEGER }) ?? 1n;
  const pageSize = optionalInteger(root, "pageSize", "pageSize", { min: 1, max: MAX_PAGE_SIZE }) ?? 10n;
  return { ids: ids && ids.length > 0 ? ids : undefined, pageIndex: Number(pageIndex), pageSize: Number(pageSize) };
}

export function validateGetSignatureIdentificationList(body: unknown): GetSignatureIdentificationListQuery {
  const root = requestObject(body);
  const pageIndex = requiredInteger(root, "pageIndex", "pageIndex", { min: 1, max: Number.MAX_SAFE_INTEGER });
  const pageSize = requiredInteger(root, "pageSize", "pageSize", { min: 1, max: MAX_PAGE_SIZE });
  const id = root.id === undefined || root.id === null ? undefined : identifier(root.id, "id");
  const materialName = optionalString(root, "materialName", "materialName");
  const statusValues = optionalArray(root, "status", "status");
  const statuses = statusValues?.map((value, index) =>
    Number(requiredInteger({ value }, "value", `status[${index}]`, { min: 0, max: 2 ** 31 - 1 })),
  );
  return {
    id,
    materialName: materialName === "" ? undefined : materialName,
    statuses: statuses && statuses.length > 0 ? statuses : undefined,
    pageIndex: Number(pageIndex),
    pageSize: Number(pageSize),
  };
}

export function validateBatchBindSignatureIdent(body: unknown): BatchBindSignatureIdentCommand {
  const root = requestObject(body);
  const id = identifier(root.id, "id");
  const signatures = optionalStrings(root, "signatures", "signatures");
  if (!signatures || signatures.length === 0) throw invalidParameter("signatures is required");
  if (signatures.length > MAX_SIGNATURES_PER_BIND) {
    throw invalidParameter(`signatures must have at most ${MAX_SIGNATURES_PER_BIND} entries`);
  }
  const subAccount = requiredString(root, "subAccount", "subAccount");
  return { id, signatures: [...new Set(signatures)], subAccount };
}

export function validateUpdateSignatureIdent(body: unknown): UpdateSignatureIdentCommand {
  const root = requestObject(body);
  const id = identifier(root.id, "id");
  const person = (key: string) => {
    const value = optionalObject(root, key, key);
    return value ? validatePerson(value, key) : undefined;
  };
  return {
    id,
    operatorPersonName: person("operatorPerson"),
    responsiblePersonName: person("responsiblePersonInfo"),
    legalPersonName: person("legalPerson"),
  };
}

/** Returns the person's name, the only part of a PersonInfo the emulator keeps. */
function validatePerson(person: Fields, path: string): string {
  requiredInteger(person, "certificateType", `${path}.certificateType`, { min: 0, max: Number.MAX_SAFE_INTEGER });
  optionalFilesAt(person, "personCertificate", `${path}.personCertificate`, true);
  const name = requiredString(person, "personName", `${path}.personName`);
  requiredString(person, "personIDCard", `${path}.personIDCard`);
  requiredString(person, "personMobile", `${path}.personMobile`);
  return name;
}

function validateFile(file: Fields, path: string): void {
  const suffix = requiredString(file, "fileSuffix", `${path}.fileSuffix`);
  if (!FILE_SUFFIXES.includes(suffix.toLowerCase())) {
    throw invalidParameter(`${path}.fileSuffix must be one of ${FILE_SUFFIXES.join(", ")}`);
  }
  optionalInteger(file, "fileType", `${path}.fileType`, DOC_TYPES);
  const content = optionalString(file, "fileContent", `${path}.fileContent`) ?? "";
  const url = optionalString(file, "fileUrl", `${path}.fileUrl`) ?? "";
  if (content === "" && url === "") throw invalidParameter(`${path} needs fileContent or fileUrl`);
  if (content !== "") {
    const size = decodedBase64Size(content);
    if (size === undefined) throw invalidParameter(`${path}.fileContent must be base64 (optionally a data: URI)`);
    if (size > MAX_FILE_BYTES) throw invalidParameter(`${path}.fileContent must be at most 5 MB once decoded`);
  }
}

function decodedBase64Size(content: string): number | undefined {
  const base64 = content.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) return undefined;
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor(((base64.length - padding) * 3) / 4);
}

function requestObject(body: unknown): Fields {
  if (!isPlainObject(body)) throw invalidParameter("the request body must be a JSON object");
  return body;
}

function requiredObject(parent: Fields, key: string, path: string): Fields {
  const value = optionalObject(parent, key, path);
  if (!value) throw invalidParameter(`${path} is required`);
  return value;
}

function optionalObject(parent: Fields, key: string, path: string): Fields | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw invalidParameter(`${path} must be an object`);
  return value;
}

function requiredString(parent: Fields, key: string, path: string): string {
  const value = optionalString(parent, key, path);
  if (value === undefined || value.trim() === "") throw invalidParameter(`${path} is required`);
  return value;
}

function optionalString(parent: Fields, key: string, path: string): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidParameter(`${path} must be a string`);
  return value;
}

function requiredDate(parent: Fields, key: string, path: string): void {
  const value = requiredString(parent, key, path);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw invalidParameter(`${path} must be a date YYYY-MM-DD`);
}

interface IntegerRange {
  min: number;
  max: number;
}

function requiredInteger(parent: Fields, key: string, path: string, range?: IntegerRange): bigint {
  const value = optionalInteger(parent, key, path, range);
  if (value === undefined) throw invalidParameter(`${path} is required`);
  return value;
}

function optionalInteger(parent: Fields, key: string, path: string, range?: IntegerRange): bigint | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  const token = numberToken(value);
  if (token === undefined || !/^-?\d+$/.test(token)) throw invalidParameter(`${path} must be an integer`);
  const integer = BigInt(token);
  if (range && (integer < BigInt(range.min) || integer > BigInt(range.max))) {
    throw invalidParameter(`${path} must be between ${range.min} and ${range.max}`);
  }
  return integer;
}

/** A qualification id: a positive int64 sent as a JSON number. */
function identifier(value: unknown, path: string): bigint {
  if (value === undefined || value === null) throw invalidParameter(`${path} is required`);
  const token = numberToken(value);
  if (token === undefined || !/^\d+$/.test(token)) throw invalidParameter(`${path} must be a positive integer (int64)`);
  const id = BigInt(token);
  if (id <= 0n || id > INT64_MAX) throw invalidParameter(`${path} must be a positive integer (int64)`);
  return id;
}

function optionalArray(parent: Fields, key: string, path: string): unknown[] | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidParameter(`${path} must be an array`);
  return value;
}

function optionalStrings(parent: Fields, key: string, path: string): string[] | undefined {
  const values = optionalArray(parent, key, path);
  return values?.map((value, index) => {
    if (typeof value !== "string" || value.trim() === "")
      throw invalidParameter(`${path}[${index}] must be a non-empty string`);
    return value;
  });
}

function optionalFiles(parent: Fields, key: string): Fields[] {
  return optionalFilesAt(parent, key, key, false);
}

function optionalFilesAt(parent: Fields, key: string, path: string, required: boolean): Fields[] {
  const files = optionalArray(parent, key, path);
  if (files === undefined && required) throw invalidParameter(`${path} is required`);
  return (files ?? []).map((file, index) => {
    const filePath = `${path}[${index}]`;
    if (!isPlainObject(file)) throw invalidParameter(`${filePath} must be an object`);
    validateFile(file, filePath);
    return file;
  });
}

function isPlainObject(value: unknown): value is Fields {
  return value !== null && typeof value === "object" && !Array.isArray(value) && numberToken(value) === undefined;
}
