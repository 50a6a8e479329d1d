/**
 * An SMS template (短信模板) of the V2 system, as ApplySmsTemplateV2SDK takes it: the old system's templates are no
 * longer reported to the carriers. Each signature it names gets a second-level template of its own, reviewed on its
 * own.
 */
import type { ReviewStatus } from "../../review/status";
import type { ChannelType } from "../signature/types";

/** The type in the template's token `pulumi-nodejs:dynamic/volcengine-sms:SmsTemplate`. */
export const TEMPLATE_TYPE = "SmsTemplate";

/** A variable's kind (paramType): the vendor's values, unsure beyond these three. */
export const TemplateParamType = {
  /** 普通变量: text or digits, a verification code among them. */
  Ordinary: 1,
  /** 链接 */
  Link: 2,
  /** 电话号码 */
  Phone: 3,
} as const;
export type TemplateParamType = (typeof TemplateParamType)[keyof typeof TemplateParamType];

/** One `${name}` of the content. */
export interface TemplateParam {
  name: string;
  paramType: TemplateParamType;
  location?: number;
  id?: string;
  /** An example value, for the reviewer. */
  content?: string;
}

/** Short links in a marketing SMS: only `CN_MKT` templates take it. */
export interface ShortUrlConfig {
  isEnabled: boolean;
  isNeedClickDetails?: "0" | "1";
  uaCheckStrategy?: number;
}

export interface TemplateBody {
  /** 模板名称 */
  name: string;
  /** The text, with `${name}` variables and without the signature: the carriers add 【signature】 themselves. */
  content: string;
  channelType: ChannelType;
  /** Signature contents, usually `signature.id` of SmsSignature resources: one second-level template each. */
  signatures: string[];
  /** Message groups (消息组 ids) that may use it; none: the whole account. */
  subAccounts?: string[];
  desc?: string;
  templateParams?: TemplateParam[];
  shortUrlConfig?: ShortUrlConfig;
}

export const INPUT_PROPERTIES = [
  "name",
  "content",
  "channelType",
  "signatures",
  "subAccounts",
  "desc",
  "templateParams",
  "shortUrlConfig",
] as const satisfies readonly (keyof TemplateBody)[];

/** What the account's template list shows of a template: all that tells one template from another there. */
export const LISTED_PROPERTIES = ["name", "content", "channelType", "signatures", "subAccounts"] as const;

export type TemplateStatus = "waiting-for-signatures" | "filed";

/** One signature's copy of the template. */
export interface SecondTemplateOutput {
  signature: string;
  /** `S2T_…`: the id to send with, with this signature. */
  secondTemplateId: string;
  reviewStatus: ReviewStatus | "not-submitted";
  reviewOpinion: string;
  /** True once approved: SMS can be sent with it. */
  usable: boolean;
}

export interface TemplateOutputs {
  status: TemplateStatus;
  /** `S1T_…`, the Pulumi id once filed; "" while waiting. */
  templateId: string;
  /** While waiting: the signatures not approved yet. */
  waitingFor: string[];
  secondTemplates: SecondTemplateOutput[];
  /** The second-level id to send with, by signature, for those approved. */
  sendWith: Record<string, string>;
}

export interface TemplateState extends TemplateBody, TemplateOutputs {}
