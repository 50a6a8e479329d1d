/** Valid inputs with real check digits, and the pieces tests break on purpose. */

/** A 1×1 PNG. */
export const TINY_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/** GB 11643 example numbers with valid check digits. */
export const ID_NUMBERS = {
  operator: "11010519491231002X",
  responsible: "440308199901010012",
  legal: "110101199003074477",
};
export const MOBILES = { operator: "13800138000", responsible: "13912345678", legal: "15012345678" };
/** A GB 32100 code with a valid check character. */
export const CREDIT_CODE = "91350100M000100Y43";

export function png(fileType: number) {
  return { fileType, fileSuffix: "png", fileContent: `data:image/png;base64,${TINY_PNG_BASE64}` };
}

function person(which: keyof typeof ID_NUMBERS, front: number, back: number, name: string) {
  return {
    certificateType: 0,
    personCertificate: [png(front), png(back)],
    personName: name,
    personIDCard: ID_NUMBERS[which],
    personMobile: MOBILES[which],
  };
}

export function validInputs(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    materialName: "示例科技短信资质",
    purpose: 1,
    businessInfo: {
      businessCertificateType: 1,
      businessCertificate: png(1),
      businessCertificateName: "示例科技有限公司",
      unifiedSocialCreditIdentifier: CREDIT_CODE,
      businessCertificateValidityPeriodStart: "2020-01-01",
      businessCertificateValidityPeriodEnd: "2099-12-31",
      legalPersonName: "李四",
    },
    operatorPerson: person("operator", 8, 9, "张三"),
    responsiblePersonInfo: person("responsible", 10, 11, "王五"),
    legalPerson: person("legal", 6, 6, "李四"),
    effectSignatures: ["示例科技"],
    ...overrides,
  };
}

/** Every personal value in the fixture: none may appear in plain text in errors, logs or the serialized provider. */
export const PERSONAL_VALUES = [...Object.values(ID_NUMBERS), ...Object.values(MOBILES), TINY_PNG_BASE64];

/** A JPEG or PNG of exactly `size` bytes: the magic bytes, then filler that does not compress to nothing. */
export function image(type: "png" | "jpeg", size: number, seed = 1): Buffer {
  const magic = type === "png" ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] : [0xff, 0xd8, 0xff, 0xe0];
  const bytes = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 11)) & 0xff;
  Buffer.from(magic).copy(bytes);
  return bytes;
}
