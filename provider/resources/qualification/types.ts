/**
 * The ApplySignatureIdent body, with the API's own field names and nesting, and the named values of its
 * integer enums so a program reads `purpose: Purpose.SelfUse`, not `1`.
 */
import type { DocType, SignAuthFile } from "../../documents/sign-auth-file";
import type { Review } from "../../review/status";
import type { WaitForApproval } from "../../review/wait";

/** The type in the qualification's token `pulumi-nodejs:dynamic/volcengine-sms:SmsSignatureIdent`. */
export const QUALIFICATION_TYPE = "SmsSignatureIdent";

/** 资质用途 */
export const Purpose = {
  /** 自用: the qualification is for the account's own company. */
  SelfUse: 1,
  /** 他用: for another company; a letter of authorisation (`powerOfAttorney`) is then required. */
  ForOthers: 2,
} as const;
export type Purpose = (typeof Purpose)[keyof typeof Purpose];

/** `certificateType` of a person. Only 0 is documented; other values are passed through unchecked. */
export const CertificateType = {
  /** 中国大陆居民身份证: `personIDCard` is then checked against GB 11643. */
  MainlandIdCard: 0,
} as const;

/** The company (企业信息). */
export interface BusinessInfo {
  businessCertificateType: DocType;
  businessCertificate: SignAuthFile;
  /** Company name as on the licence. */
  businessCertificateName: string;
  /** 统一社会信用代码, 18 characters (GB 32100). */
  unifiedSocialCreditIdentifier: string;
  /** `YYYY-MM-DD` */
  businessCertificateValidityPeriodStart: string;
  /** `YYYY-MM-DD`; the vendor uses 2099-12-31 for a licence without end date (长期). */
  businessCertificateValidityPeriodEnd: string;
  legalPersonName: string;
}

/** A person (经办人, 责任人 or 法人). */
export interface PersonInfo {
  certificateType: number;
  /** Scans of the ID document, front and back. */
  personCertificate: SignAuthFile[];
  personName: string;
  /** The ID number. Personal information: kept secret in state. */
  personIDCard: string;
  /** Mainland mobile number, 11 digits. Personal information: kept secret in state. */
  personMobile: string;
}

/** The ApplySignatureIdent request body. */
export interface SignatureIdentBody {
  /** 资质名称, 1–20 characters. */
  materialName: string;
  purpose: Purpose;
  businessInfo: BusinessInfo;
  operatorPerson: PersonInfo;
  responsiblePersonInfo: PersonInfo;
  legalPerson?: PersonInfo;
  /** Required when `purpose` is `Purpose.ForOthers`. */
  powerOfAttorney?: SignAuthFile[];
  otherMaterials?: SignAuthFile[];
  /** SMS signatures this qualification is for. */
  effectSignatures?: string[];
}

/** The top-level properties of the body: the resource's inputs. */
export const INPUT_PROPERTIES = [
  "materialName",
  "purpose",
  "businessInfo",
  "operatorPerson",
  "responsiblePersonInfo",
  "legalPerson",
  "powerOfAttorney",
  "otherMaterials",
  "effectSignatures",
] as const satisfies readonly (keyof SignatureIdentBody)[];
export type InputProperty = (typeof INPUT_PROPERTIES)[number];

/**
 * Fields that hold an ID number, a mobile or a scan: secret in state wherever they stand, whatever the program
 * passes. Only these are masked, so a preview still shows names, dates and signatures old → new.
 */
export const PERSONAL_FIELDS = ["personIDCard", "personMobile", "fileContent"] as const;

/** Top-level properties that can hold personal fields. */
export const SECRET_PROPERTIES = [
  "businessInfo",
  "operatorPerson",
  "responsiblePersonInfo",
  "legalPerson",
  "powerOfAttorney",
  "otherMaterials",
] as const satisfies readonly InputProperty[];

/** Inputs that steer the provider. They are never sent to Volcengine, and changing one alone files nothing. */
export interface SignatureIdentControls {
  waitForApproval?: WaitForApproval;
  /** Record this existing qualification (filed in the console or by an interrupted run) instead of filing one. */
  adoptId?: string;
  /** File even when a qualification of the same materialName is under review. */
  allowDuplicateName?: boolean;
}

export const CONTROL_PROPERTIES = [
  "waitForApproval",
  "adoptId",
  "allowDuplicateName",
] as const satisfies readonly (keyof SignatureIdentControls)[];

/** What the provider stores: the inputs as applied plus what the API tells. */
export interface SignatureIdentState extends SignatureIdentBody, SignatureIdentControls, Review {}
