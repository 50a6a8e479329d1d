/**
 * The ApplySignatureIdent body, with the API's own field names and nesting, and the named values of its
 * integer enums so a program reads `fileType: DocType.BusinessLicense`, not `1`.
 */
import type { Review } from "./review/status";

/**
 * DocType (证件类型), the same table in the vendor's Go and Java SDKs; used by `fileType` and `businessCertificateType`.
 */
export const DocType = {
  /** 三证合一 */
  ThreeInOneLicense: 0,
  /** 企业营业执照 */
  BusinessLicense: 1,
  /** 组织机构代码证 */
  OrganizationCodeCertificate: 2,
  /** 税务登记证 */
  TaxRegistrationCertificate: 3,
  /** 社会信用代码证书 */
  SocialCreditCodeCertificate: 4,
  /** 授权委托书 */
  PowerOfAttorney: 5,
  /** 其他 */
  Other: 6,
  /** 事业单位法人证书 */
  PublicInstitutionCertificate: 7,
  /** 经办人身份证人像面 */
  OperatorIdCardFront: 8,
  /** 经办人身份证国徽面 */
  OperatorIdCardBack: 9,
  /** 责任人身份证人像面 */
  ResponsiblePersonIdCardFront: 10,
  /** 责任人身份证国徽面 */
  ResponsiblePersonIdCardBack: 11,
  /** 护照 */
  Passport: 12,
  /** 港澳通行证 */
  HongKongMacaoTravelPermit: 13,
  /** 台湾通行证 */
  TaiwanTravelPermit: 14,
  /** 港澳台居住证 */
  HongKongMacaoTaiwanResidencePermit: 15,
  /** APP ICP 备案 */
  AppIcpFiling: 16,
  /** 商标证书 */
  TrademarkCertificate: 17,
} as const;
export type DocType = (typeof DocType)[keyof typeof DocType];

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

export type FileSuffix = "jpg" | "jpeg" | "png";

/**
 * One scanned document. Set one of: `document` (a file on disk, made by `documentFile()`: the state keeps only its
 * path, size and digest), `fileContent` (base64 or a data URI) or `fileUrl` (a public http(s) URL).
 */
export interface SignAuthFile {
  fileType: DocType;
  fileSuffix: FileSuffix;
  fileContent?: string;
  fileUrl?: string;
  document?: DocumentReference;
}

/** A file the provider reads when it files the qualification; not part of the vendor's API. */
export interface DocumentReference {
  /** Relative to the Pulumi project directory, `/`-separated. */
  path: string;
  /** Hex sha256 of the bytes the program read: a file that changed since is refused. */
  sha256: string;
  size: number;
}

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

/** How long `pulumi up` waits after filing for the review's outcome. */
export interface WaitForApproval {
  /** At most 86,400 (a day): a review takes days, and a deployment should not. */
  timeoutSeconds: number;
  /** The first interval between status checks (default 30); later ones grow by half up to five minutes. */
  pollSeconds?: number;
}

/** Inputs that steer the provider. They are never sent to Volcengine, and changing one alone files nothing. */
export interface ControlInputs {
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
] as const satisfies readonly (keyof ControlInputs)[];

/** What the provider stores: the inputs as applied plus what the API tells. */
export interface SignatureIdentState extends SignatureIdentBody, ControlInputs, Review {}
