/**
 * One SMS signature qualification (短信签名资质), declared as code.
 *
 *   pulumi config set --secret operatorIdNumber 11010519491231002X
 *   pulumi config set --secret operatorMobile 13800138000
 *   pulumi config set --secret responsibleIdNumber 440308199901010012
 *   pulumi config set --secret responsibleMobile 13912345678
 *   pulumi preview    # every mistake is reported here, field by field
 *   pulumi up         # files the qualification with Volcengine
 *   pulumi refresh    # later: reviewStatus, and the reviewer's reason if it was rejected
 *
 * The documents under ./documents are placeholders: replace them with the company's real scans.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { CertificateType, DocType, documentFile, Purpose, SmsSignatureIdent } from "pulumi-volcengine-sms";

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

export const qualificationId = qualification.id;
export const reviewStatus = qualification.reviewStatus;
export const approved = qualification.approved;
