import { z } from "zod";
import { DocType, Purpose } from "../types";
import { inspectFileContent, MAX_FILE_BYTES } from "./file-content";
import {
  isCalendarDate,
  mainlandIdCardProblem,
  mainlandMobileProblem,
  unifiedSocialCreditCodeProblem,
} from "./identifiers";

/**
 * The ApplySignatureIdent body as a zod schema. Built by a function, not at module load, so a provider method
 * never captures a schema (bound native functions break Pulumi's closure serializer) and so loading the package
 * in a user's program costs nothing until a provider method needs it.
 */
export function signatureIdentBodySchema() {
  const docType = z.literal(Object.values(DocType));
  const nonBlank = z.string().refine((s) => s.trim().length > 0, "must not be blank");
  const calendarDate = z.string().refine(isCalendarDate, "must be a real calendar date written YYYY-MM-DD");
  const optionalText = z.string().nullish();
  // Cross-field rules run even when a sibling is invalid, so every mistake shows in one preview; but only on objects.
  const always = {
    when: (payload: { value: unknown }) =>
      typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
  };

  const signAuthFile = z
    .strictObject({
      fileType: docType,
      fileSuffix: z.literal(["jpg", "jpeg", "png"]),
      fileContent: optionalText,
      fileUrl: optionalText,
      document: z.strictObject({ path: nonBlank, sha256: z.string(), size: z.number().int().min(0) }).nullish(),
    })
    .superRefine((file, ctx) => {
      const hasContent = typeof file.fileContent === "string" && file.fileContent !== "";
      const hasUrl = typeof file.fileUrl === "string" && file.fileUrl !== "";
      const hasDocument = file.document !== null && file.document !== undefined;
      const sources = [hasDocument && "document", hasContent && "fileContent", hasUrl && "fileUrl"].filter(
        Boolean,
      ) as string[];
      if (sources.length !== 1) {
        ctx.addIssue({
          code: "custom",
          path: [sources[1] ?? "fileContent"],
          message:
            sources.length === 0
              ? "set fileContent (base64), fileUrl, or document (documentFile())"
              : `set only one of ${sources.join(", ")}`,
        });
      }
      if (hasContent) {
        const inspected = inspectFileContent(file.fileContent as string);
        if ("problem" in inspected) {
          ctx.addIssue({ code: "custom", path: ["fileContent"], message: inspected.problem });
        } else {
          if (inspected.decodedBytes > MAX_FILE_BYTES) {
            ctx.addIssue({
              code: "custom",
              path: ["fileContent"],
              message: `decodes to ${inspected.decodedBytes} bytes; at most ${MAX_FILE_BYTES} (5 MB)`,
            });
          }
          const suffixType = file.fileSuffix === "png" ? "image/png" : "image/jpeg";
          const mediaType = inspected.mediaType === "image/jpg" ? "image/jpeg" : inspected.mediaType;
          if (mediaType !== undefined && ["jpg", "jpeg", "png"].includes(file.fileSuffix) && mediaType !== suffixType) {
            ctx.addIssue({
              code: "custom",
              path: ["fileContent"],
              message: `data URI says ${inspected.mediaType} but fileSuffix says ${file.fileSuffix}`,
            });
          }
        }
      }
      if (hasUrl && !isHttpUrl(file.fileUrl as string)) {
        ctx.addIssue({ code: "custom", path: ["fileUrl"], message: "must be an http:// or https:// URL" });
      }
    }, always);

  const personInfo = z
    .strictObject({
      certificateType: z.number().int().min(0),
      personCertificate: z.array(signAuthFile),
      personName: nonBlank,
      personIDCard: nonBlank,
      personMobile: z.string().superRefine((mobile, ctx) => addProblem(ctx, mainlandMobileProblem(mobile))),
    })
    .superRefine((person, ctx) => {
      // Only the mainland ID card has a published check digit; other documents pass through unchecked.
      if (person.certificateType === 0 && typeof person.personIDCard === "string" && person.personIDCard !== "") {
        addProblem(ctx, mainlandIdCardProblem(person.personIDCard), ["personIDCard"]);
      }
    }, always);

  const businessInfo = z
    .strictObject({
      businessCertificateType: docType,
      businessCertificate: signAuthFile,
      businessCertificateName: nonBlank,
      unifiedSocialCreditIdentifier: z
        .string()
        .superRefine((code, ctx) => addProblem(ctx, unifiedSocialCreditCodeProblem(code))),
      businessCertificateValidityPeriodStart: calendarDate,
      businessCertificateValidityPeriodEnd: calendarDate,
      legalPersonName: nonBlank,
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
    }, always);

  return z
    .strictObject({
      materialName: z.string().refine((s) => {
        const characters = [...s.trim()].length;
        return characters >= 1 && characters <= 20;
      }, "must be 1 to 20 characters (counted as characters, not bytes)"),
      purpose: z.literal(Object.values(Purpose)),
      businessInfo,
      operatorPerson: personInfo,
      responsiblePersonInfo: personInfo,
      legalPerson: personInfo.nullish(),
      powerOfAttorney: z.array(signAuthFile).nullish(),
      otherMaterials: z.array(signAuthFile).nullish(),
      effectSignatures: z.array(nonBlank).nullish(),
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
    }, always);
}

function addProblem(ctx: z.RefinementCtx, problem: string | undefined, path?: PropertyKey[]): void {
  if (problem) ctx.addIssue({ code: "custom", message: problem, ...(path ? { path } : {}) });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
