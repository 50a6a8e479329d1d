/** The ApplySignatureIdent body as a zod schema, built when check first runs (see check/rules.ts for why). */
import { z } from "zod";
import {
  isCalendarDate,
  mainlandIdCardProblem,
  mainlandMobileProblem,
  socialCreditCodeProblem,
} from "../../check/identifiers";
import { ALWAYS, addProblem, docType, list, ruled, signAuthFile, visibleName } from "../../check/rules";
import { nameProblem, textProblem } from "../../check/text";
import { MAX_LIST_ITEMS, MAX_MATERIAL_NAME_CHARS } from "./limits";
import { Purpose } from "./types";

export function signatureIdentBodySchema() {
  const name = visibleName();
  const file = signAuthFile();
  const calendarDate = ruled(
    (value) =>
      textProblem(value) ?? (isCalendarDate(value) ? undefined : "must be a real calendar date written YYYY-MM-DD"),
  );

  const personInfo = z
    .strictObject({
      certificateType: z.number().int().min(0),
      personCertificate: list(file, MAX_LIST_ITEMS.personCertificate),
      personName: name,
      personIDCard: name,
      personMobile: ruled((mobile) => textProblem(mobile) ?? mainlandMobileProblem(mobile)),
    })
    .superRefine((person, ctx) => {
      // Only the mainland ID card has a published check digit; other documents pass through unchecked.
      const idCard = person.personIDCard;
      if (person.certificateType === 0 && typeof idCard === "string" && idCard !== "" && !textProblem(idCard)) {
        addProblem(ctx, mainlandIdCardProblem(person.personIDCard), ["personIDCard"]);
      }
    }, ALWAYS);

  const businessInfo = z
    .strictObject({
      businessCertificateType: docType(),
      businessCertificate: file,
      businessCertificateName: name,
      unifiedSocialCreditIdentifier: ruled((code) => textProblem(code) ?? socialCreditCodeProblem(code)),
      businessCertificateValidityPeriodStart: calendarDate,
      businessCertificateValidityPeriodEnd: calendarDate,
      legalPersonName: name,
    })
    .superRefine((info, ctx) => {
      const start = info.businessCertificateValidityPeriodStart;
      const end = info.businessCertificateValidityPeriodEnd;
      // ISO dates compare correctly as strings.
      if (isCalendarDate(start) && isCalendarDate(end) && start > end) {
        ctx.addIssue({
          code: "custom",
          path: ["businessCertificateValidityPeriodEnd"],
          message: "must not be before businessCertificateValidityPeriodStart",
        });
      }
    }, ALWAYS);

  return z
    .strictObject({
      materialName: ruled(
        (value) =>
          nameProblem(value) ??
          ([...value].length > MAX_MATERIAL_NAME_CHARS
            ? `must be 1 to ${MAX_MATERIAL_NAME_CHARS} characters (counted as characters, not bytes)`
            : undefined),
      ),
      purpose: z.literal(Object.values(Purpose)),
      businessInfo,
      operatorPerson: personInfo,
      responsiblePersonInfo: personInfo,
      legalPerson: personInfo.nullish(),
      powerOfAttorney: list(file, MAX_LIST_ITEMS.powerOfAttorney).nullish(),
      otherMaterials: list(file, MAX_LIST_ITEMS.otherMaterials).nullish(),
      effectSignatures: list(name, MAX_LIST_ITEMS.effectSignatures).nullish(),
    })
    .superRefine((body, ctx) => {
      if (
        body.purpose === Purpose.ForOthers &&
        !(Array.isArray(body.powerOfAttorney) && body.powerOfAttorney.length > 0)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["powerOfAttorney"],
          message: "is required when purpose is 2 (他用): attach the letter of authorisation",
        });
      }
    }, ALWAYS);
}
