// Checks qualification request bodies the way the vendor's SMS service does and reduces them to what the emulator
// keeps.
import { invalidParameter } from "../business-error";
import {
  DOC_TYPES,
  type Fields,
  identifier,
  MAX_PAGE_SIZE,
  optionalArray,
  optionalFiles,
  optionalFilesAt,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStrings,
  requestObject,
  requiredDate,
  requiredInteger,
  requiredObject,
  requiredString,
  validateFile,
} from "./fields";

export const MAX_MATERIAL_NAME_CHARS = 20;
export const MAX_SIGNATURES_PER_BIND = 100;

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
