/** What `pulumi preview` checks of a qualification's inputs, failure by failure, before anything is sent. */
import { type CheckFailure, failuresOf, fieldLabels } from "../../check/failures";
import { waitForApprovalFailures } from "../../check/wait-for-approval";
import { SIGN_AUTH_FILE_LABELS } from "../../documents/sign-auth-file";
import { isKnown } from "../../engine/inputs";
import type { signatureIdentBodySchema } from "./schema";
import type { SignatureIdentControls } from "./types";

const LABELS = fieldLabels({
  materialName: "资质名称",
  purpose: "资质用途",
  businessInfo: "企业信息",
  businessCertificateType: "企业证件类型",
  businessCertificate: "企业证件",
  businessCertificateName: "企业名称",
  unifiedSocialCreditIdentifier: "统一社会信用代码",
  businessCertificateValidityPeriodStart: "证件有效期起始日期",
  businessCertificateValidityPeriodEnd: "证件有效期截止日期",
  legalPersonName: "法人姓名",
  operatorPerson: "经办人信息",
  responsiblePersonInfo: "责任人信息",
  legalPerson: "法人信息",
  powerOfAttorney: "授权委托书",
  otherMaterials: "其他材料",
  effectSignatures: "适用签名",
  certificateType: "证件类型",
  personCertificate: "证件照片",
  personName: "姓名",
  personIDCard: "证件号码",
  personMobile: "手机号码",
  ...SIGN_AUTH_FILE_LABELS,
});

let cachedSchema: ReturnType<typeof signatureIdentBodySchema> | undefined;

/**
 * Validates an ApplySignatureIdent body the way `pulumi preview` shows it: one failure per problem, each naming the
 * property and the full path. Values not known yet in preview are never failures. Never throws, whatever the input.
 */
export function checkSignatureIdentBody(body: unknown): CheckFailure[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return [{ property: "", reason: "the resource inputs must be an object" }];
  }
  // Required here, not at the top: the package's index exports this function, and a user's program that imports the
  // package must not load zod (check runs in the provider host).
  cachedSchema ??= (require("./schema") as typeof import("./schema")).signatureIdentBodySchema();
  const result = cachedSchema.safeParse(body);
  return result.success ? [] : failuresOf(result.error.issues, body as Record<string, unknown>, LABELS);
}

/** The inputs that steer the provider; values not known yet are not judged. */
export function checkControls(controls: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (property: keyof SignatureIdentControls, rule: string) =>
    failures.push({ property, reason: `${property}: ${rule}` });
  const { adoptId, allowDuplicateName, waitForApproval } = controls;
  if (isKnown(adoptId) && !(typeof adoptId === "string" && /^[1-9]\d{0,18}$/.test(adoptId))) {
    fail("adoptId", "must be a qualification id: a decimal integer as a string, as the console shows it");
  }
  if (isKnown(allowDuplicateName) && typeof allowDuplicateName !== "boolean") {
    fail("allowDuplicateName", "must be true or false");
  }
  return [...failures, ...waitForApprovalFailures(waitForApproval)];
}
