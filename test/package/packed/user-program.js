// A user's Pulumi program, in a project that installed pulumi-volcengine-sms from its npm tarball.
const pulumi = require("@pulumi/pulumi");
const { SmsSignatureIdent, DocType, Purpose, CertificateType } = require("pulumi-volcengine-sms");

const config = new pulumi.Config();
const png = (fileType) => ({ fileType, fileSuffix: "png", fileContent: config.require("scan") });
const person = (front, back, name, idKey, mobileKey) => ({
  certificateType: CertificateType.MainlandIdCard,
  personCertificate: [png(front), png(back)],
  personName: name,
  personIDCard: config.requireSecret(idKey),
  personMobile: config.requireSecret(mobileKey),
});

new SmsSignatureIdent("packed", {
  materialName: "安装包测试资质",
  purpose: Purpose.SelfUse,
  businessInfo: {
    businessCertificateType: DocType.BusinessLicense,
    businessCertificate: png(DocType.BusinessLicense),
    businessCertificateName: "示例科技有限公司",
    unifiedSocialCreditIdentifier: "91350100M000100Y43",
    businessCertificateValidityPeriodStart: "2020-01-01",
    businessCertificateValidityPeriodEnd: "2099-12-31",
    legalPersonName: "王五",
  },
  operatorPerson: person(
    DocType.OperatorIdCardFront,
    DocType.OperatorIdCardBack,
    "张三",
    "operatorId",
    "operatorMobile",
  ),
  responsiblePersonInfo: person(
    DocType.ResponsiblePersonIdCardFront,
    DocType.ResponsiblePersonIdCardBack,
    "王五",
    "responsibleId",
    "responsibleMobile",
  ),
});
