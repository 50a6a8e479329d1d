/**
 * A company's SMS onboarding, declared as code: its signature qualification (短信签名资质), the SMS signature filed on
 * it (短信签名) and a verification-code template bound to that signature (短信模板). Each is reviewed by people, for
 * days: the signature waits for the qualification, the template for the signature, and each \`pulumi up\` files what
 * has become possible.
 *
 *   pulumi config set --secret operatorIdNumber 11010519491231002X
 *   pulumi config set --secret operatorMobile 13800138000
 *   pulumi config set --secret responsibleIdNumber 440308199901010012
 *   pulumi config set --secret responsibleMobile 13912345678
 *   pulumi preview    # every mistake is reported here, field by field
 *   pulumi up         # files the qualification; the signature and the template wait
 *   pulumi refresh    # later: each review's outcome, and what to do next
 *   pulumi up         # files what the approvals since made possible
 *
 * The documents under ./documents are placeholders: replace them with the company's real scans.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import {
  CertificateType,
  ChannelType,
  DocType,
  documentFile,
  Purpose,
  SignatureSource,
  SmsSignature,
  SmsSignatureIdent,
  SmsTemplate,
  TemplateParamType,
} from "pulumi-volcengine-sms";

const config = new pulumi.Config();

// The state keeps each scan's path, size and sha256, not its bytes; the provider reads the file when it files.
const scan = (fileType: DocType, fileName: string) =>
  documentFile(path.join(__dirname, "documents", fileName), { fileType });

const qualification = new SmsSignatureIdent("example-qualification", {
  materialName: config.get("materialName") ?? "示例科技短信资质",
  purpose: Purpose.SelfUse,
  businessInfo: {
    businessCertificateType: DocType.BusinessLicense,
    businessCertificate: scan(DocType.BusinessLicense, "business-licence.jpg"),
    businessCertificateName: "示例科技有限公司",
    unifiedSocialCreditIdentifier: config.get("creditCode") ?? "91350100M000100Y43",
    businessCertificateValidityPeriodStart: "2020-01-01",
    businessCertificateValidityPeriodEnd: "2099-12-31",
    legalPersonName: "王五",
  },
  operatorPerson: {
    certificateType: CertificateType.MainlandIdCard,
    personCertificate: [
      scan(DocType.OperatorIdCardFront, "operator-id-front.png"),
      scan(DocType.OperatorIdCardBack, "operator-id-back.png"),
    ],
    personName: "张三",
    personIDCard: config.requireSecret("operatorIdNumber"),
    personMobile: config.requireSecret("operatorMobile"),
  },
  responsiblePersonInfo: {
    certificateType: CertificateType.MainlandIdCard,
    personCertificate: [
      scan(DocType.ResponsiblePersonIdCardFront, "responsible-id-front.png"),
      scan(DocType.ResponsiblePersonIdCardBack, "responsible-id-back.png"),
    ],
    personName: "王五",
    personIDCard: config.requireSecret("responsibleIdNumber"),
    personMobile: config.requireSecret("responsibleMobile"),
  },
  effectSignatures: ["示例科技"],
  // After an interrupted `pulumi up`: `pulumi config set adoptId <id>` records the qualification it filed.
  adoptId: config.get("adoptId"),
});

// Filed once the qualification is approved; until then recorded as waiting.
const signature = new SmsSignature("example-signature", {
  content: config.get("signatureContent") ?? "示例科技",
  source: SignatureSource.CompanyName,
  purpose: Purpose.SelfUse,
  qualificationId: qualification.id,
  channelTypes: [ChannelType.VerificationCode, ChannelType.Notification],
  desc: config.get("signatureDesc") ?? "示例科技 App 的登录验证码与订单通知",
  scene: "验证码",
});

// Filed once the signature is approved; each signature gets a second-level template, the id to send with.
const template = new SmsTemplate("example-template", {
  name: "登录验证码",
  content: "您的登录验证码是${code}，5分钟内有效，请勿泄露。",
  channelType: ChannelType.VerificationCode,
  signatures: [signature.id],
  templateParams: [{ name: "code", paramType: TemplateParamType.Ordinary, content: "123456" }],
});

export const qualificationId = qualification.id;
export const reviewStatus = qualification.reviewStatus;
export const approved = qualification.approved;
export const signatureStatus = signature.status;
export const signatureReviewStatus = signature.reviewStatus;
export const templateStatus = template.status;
export const sendWith = template.sendWith;
