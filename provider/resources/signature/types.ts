/**
 * An SMS signature (短信签名) as ApplySmsSignatureV2 takes it, with the provider's own name for the qualification it is
 * filed on (`qualificationId`, the API's `signatureIdentificationID`), and the named values of its enums.
 */
import type { SignAuthFile } from "../../documents/sign-auth-file";
import type { Review, ReviewStatus } from "../../review/status";
import type { WaitForApproval } from "../../review/wait";
import type { Purpose } from "../qualification/types";

/** The type in the signature's token `pulumi-nodejs:dynamic/volcengine-sms:SmsSignature`. */
export const SIGNATURE_TYPE = "SmsSignature";

/** 签名来源: what the signature's text names. */
export const SignatureSource = {
  /** 公司全称/简称: the company's full or short name. */
  CompanyName: 1,
  /** APP全称/简称: an app's name; `appIcp` (its ICP filing) is then required. */
  AppName: 2,
  /** 商标全称/简称: a trademark; `trademark` is then required. */
  Trademark: 3,
} as const;
export type SignatureSource = (typeof SignatureSource)[keyof typeof SignatureSource];

/** What SMS the signature may send. */
export const ChannelType = {
  /** 验证码 */
  VerificationCode: "CN_OTP",
  /** 通知 */
  Notification: "CN_NTC",
  /** 营销 */
  Marketing: "CN_MKT",
} as const;
export type ChannelType = (typeof ChannelType)[keyof typeof ChannelType];

export interface AppIcp {
  /** The app's ICP filing number (e.g. 京ICP备12345678号-1A). */
  appIcpFilling: string;
  appIcpFileList: SignAuthFile[];
}

export interface Trademark {
  trademarkCn?: string;
  trademarkEn?: string;
  /** The registration number (注册号). */
  trademarkNumber: string;
  trademarkFileList: SignAuthFile[];
}

export interface SignatureBody {
  /** The signature's text, without 【】: what every SMS names (`Sign`), and the resource's Pulumi id. */
  content: string;
  source: SignatureSource;
  /** Must match the qualification's purpose. */
  purpose: Purpose;
  /** The id of the SmsSignatureIdent it is filed on, usually `qualification.id`. */
  qualificationId: string;
  /** Message groups (消息组 ids) that may use it; none: the whole account. */
  subAccounts?: string[];
  channelTypes?: ChannelType[];
  /** What the signature is for, for the reviewer. */
  desc?: string;
  /** The website the signature belongs to. */
  domain?: string;
  /** The business scene, e.g. 验证码, 会员通知. */
  scene?: string;
  /** Further evidence for the reviewer. */
  uploadFileList?: SignAuthFile[];
  /** With source 2 (app name). */
  appIcp?: AppIcp;
  /** With source 3 (trademark). */
  trademark?: Trademark;
}

export const INPUT_PROPERTIES = [
  "content",
  "source",
  "purpose",
  "qualificationId",
  "subAccounts",
  "channelTypes",
  "desc",
  "domain",
  "scene",
  "uploadFileList",
  "appIcp",
  "trademark",
] as const satisfies readonly (keyof SignatureBody)[];
export type InputProperty = (typeof INPUT_PROPERTIES)[number];

/** What UpdateSmsSignature cannot change: a new content is a new signature. */
export const REPLACING_PROPERTIES = ["content"] as const satisfies readonly InputProperty[];

/** Scans: secret in state wherever they stand (`documentFile()` keeps only digests there). */
export const PERSONAL_FIELDS = ["fileContent"] as const;
/** Properties that can hold scans. */
export const SECRET_PROPERTIES = ["uploadFileList", "appIcp", "trademark"] as const satisfies readonly InputProperty[];
export const LIST_MAXIMUM_PROPERTIES = ["uploadFileList", "appIcpFileList", "trademarkFileList"] as const;

/** Inputs that steer the provider; never sent. */
export interface SignatureControls {
  /** After filing, wait this long for the signature's own review (not for the qualification's: see the docs). */
  waitForApproval?: WaitForApproval;
}
export const CONTROL_PROPERTIES = ["waitForApproval"] as const satisfies readonly (keyof SignatureControls)[];

/** `filed`, or not filed yet because the qualification is not approved. */
export type SignatureStatus = "waiting-for-qualification" | "filed";

/** The carriers' filing of an approved signature (报备), per operator: 7–10 working days after approval. */
export type CarrierFilingStatus = "not-started" | "filing" | "filed" | "failed" | `status-${number}` | "unknown";
export interface CarrierFiling {
  status: CarrierFilingStatus;
  reason: string;
}
export interface ReportStatus {
  status: CarrierFilingStatus;
  /** China Mobile */
  cmcc: CarrierFiling;
  /** China Telecom */
  ct: CarrierFiling;
  /** China Unicom */
  unicom: CarrierFiling;
}

/** What the provider learns of a signature from the account, beside the inputs. */
export interface SignatureOutputs extends Review {
  status: SignatureStatus;
  /** The qualification's review state as last read, while waiting for it; "" once filed. */
  qualificationStatus: ReviewStatus | "";
  /** The application's id; "" while waiting. */
  applyId: string;
  /** The list row's id now (it changes when an application becomes a signature); "" while waiting. */
  rowId: string;
  /** The review of the last update (UpdateSmsSignature): "none" when there was none. */
  updateReviewStatus: ReviewStatus | "none";
  updateReviewOpinion: string;
  /** The qualification as the account lists the signature's: id and name. */
  boundQualificationId: string;
  boundQualificationName: string;
  reportStatus: ReportStatus;
}

export interface SignatureState extends SignatureBody, SignatureControls, SignatureOutputs {}
