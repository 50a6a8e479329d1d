/**
 * SignAuthFile, the vendor's one shape for a scanned document (a qualification's licence and ID cards, a signature's
 * evidence, an app's ICP filing, a trademark certificate), with the named values of its DocType.
 */

/**
 * DocType (证件类型), the same table in the vendor's Go and Java SDKs; used by `fileType` and by the resources'
 * document-type fields.
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

/** Every DocType value, for the schemas. */
export const DOC_TYPES = Object.values(DocType);

export const FILE_SUFFIXES = ["jpg", "jpeg", "png"] as const;

/** The Chinese names of a SignAuthFile's fields, as check failures show them. */
export const SIGN_AUTH_FILE_LABELS = {
  fileType: "文件类型",
  fileSuffix: "证件文件后缀",
  fileContent: "文件内容",
  fileUrl: "文件地址",
} as const;
export type FileSuffix = (typeof FILE_SUFFIXES)[number];

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

/** A file the provider reads when it files what holds it; not part of the vendor's API. */
export interface DocumentReference {
  /** Relative to the Pulumi project directory, `/`-separated. */
  path: string;
  /** Hex sha256 of the bytes the program read: a file that changed since is refused. */
  sha256: string;
  size: number;
}
