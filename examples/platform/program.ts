/**
 * The inline Pulumi program of one company's stack: its signature qualification (短信签名资质), the SMS signature filed
 * on it, and a verification-code template when the row names one. The same three as examples/index.ts, from a row.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import {
  CertificateType,
  ChannelType,
  DocType,
  documentFile,
  Purpose,
  SignatureSource,
  SmsSignature,
  SmsSignatureIdent,
  type SmsSignatureIdentArgs,
  SmsTemplate,
  TemplateParamType,
} from "pulumi-volcengine-sms";
import type { Company } from "./companies";

/** The columns that hold personal data: the program makes them Pulumi secrets, and no message shows them. */
export const PERSONAL = ["operatorIdNumber", "operatorMobile", "responsibleIdNumber", "responsibleMobile"] as const;
export type PersonalColumn = (typeof PERSONAL)[number];

/** What each stack exports; run.ts reads these from `stack.up()`'s outputs. */
export interface CompanyOutputs {
  qualificationId: string;
  reviewStatus: string;
  reviewOpinion: string;
  signatureStatus: string;
  signatureReviewStatus: string;
  signatureReviewOpinion: string;
  templateStatus?: string;
}

/**
 * The qualification's inputs. The personal values are Pulumi secrets in the program, and plain strings when
 * companies.ts checks a row with the provider's rules before any stack runs.
 */
export function qualificationArgs(
  company: Company,
  personal: Record<PersonalColumn, pulumi.Input<string>>,
): SmsSignatureIdentArgs {
  const person = (prefix: "operator" | "responsible", front: DocType, back: DocType) => ({
    certificateType: CertificateType.MainlandIdCard,
    personCertificate: [
      documentFile(company[`${prefix}IdFront`], { fileType: front }),
      documentFile(company[`${prefix}IdBack`], { fileType: back }),
    ],
    personName: company[`${prefix}Name`],
    personIDCard: personal[`${prefix}IdNumber`],
    personMobile: personal[`${prefix}Mobile`],
  });
  return {
    materialName: `${company.signature}短信资质`,
    purpose: Purpose.SelfUse,
    businessInfo: {
      businessCertificateType: DocType.BusinessLicense,
      businessCertificate: documentFile(company.licenceScan, { fileType: DocType.BusinessLicense }),
      businessCertificateName: company.companyName,
      unifiedSocialCreditIdentifier: company.creditCode,
      businessCertificateValidityPeriodStart: company.licenceValidFrom,
      businessCertificateValidityPeriodEnd: company.licenceValidTo,
      legalPersonName: company.legalPersonName,
    },
    operatorPerson: person("operator", DocType.OperatorIdCardFront, DocType.OperatorIdCardBack),
    responsiblePersonInfo: person(
      "responsible",
      DocType.ResponsiblePersonIdCardFront,
      DocType.ResponsiblePersonIdCardBack,
    ),
    effectSignatures: [company.signature],
  };
}

/**
 * The program of the company's stack. An inline program runs in this process, so the personal values go to it as
 * Pulumi secrets directly: stack config would pass them on the `pulumi config set-all` command line, which every
 * user of the machine can read in the process list.
 */
export function companyProgram(company: Company): PulumiFn {
  return async () => {
    const secrets = Object.fromEntries(PERSONAL.map((key) => [key, pulumi.secret(company[key])]));
    const qualification = new SmsSignatureIdent(
      "qualification",
      qualificationArgs(company, secrets as Record<PersonalColumn, pulumi.Output<string>>),
    );
    // Recorded as waiting until the qualification is approved; the first `up` after that files it.
    const signature = new SmsSignature("signature", {
      content: company.signature,
      source: SignatureSource.CompanyName,
      purpose: Purpose.SelfUse,
      qualificationId: qualification.id,
      channelTypes: [ChannelType.VerificationCode, ChannelType.Notification],
      desc: company.signatureDesc,
      scene: "验证码",
    });
    const template =
      company.templateName && company.templateContent
        ? new SmsTemplate("template", {
            name: company.templateName,
            content: company.templateContent,
            channelType: ChannelType.VerificationCode,
            signatures: [signature.id],
            // Every ${variable} of the content needs an example for the reviewer.
            templateParams: [...company.templateContent.matchAll(/\$\{(\w+)\}/g)].map(([, name]) => ({
              name: name as string,
              paramType: TemplateParamType.Ordinary,
              content: "123456",
            })),
          })
        : undefined;
    return {
      qualificationId: qualification.id,
      reviewStatus: qualification.reviewStatus,
      reviewOpinion: qualification.reviewOpinion,
      signatureStatus: signature.status,
      signatureReviewStatus: signature.reviewStatus,
      signatureReviewOpinion: signature.reviewOpinion,
      templateStatus: template?.status,
    };
  };
}
