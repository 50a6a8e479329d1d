import { z } from "zod";
import { DocType, Purpose } from "../types";
import { inspectFileContent } from "./file-content";
import {
  isCalendarDate,
  mainlandIdCardProblem,
  mainlandMobileProblem,
  unifiedSocialCreditCodeProblem,
} from "./identifiers";
import { MAX_FILE_BYTES, MAX_LIST_ITEMS, MAX_MATERIAL_NAME_CHARS } from "./limits";
import { nameProblem, textProblem } from "./text";

/**
 * The ApplySignatureIdent body as a zod schema. Built by a function, not at module load, so a provider method
 * never captures a schema (bound native functions break Pulumi's closure serializer) and so loading the package
 * in a user's program costs nothing until a provider method needs it.
 */
export function signatureIdentBodySchema() {
  const docType = z.literal(Object.values(DocType));
  // Each string field is one rule that gives its first problem, so a NUL in an ID number is reported as that alone.
  const ruled = (problemOf: (value: string) => string | undefined) =>
    z.string().superRefine((value, ctx) => addProblem(ctx, problemOf(value)));
  const name = ruled(nameProblem);
  const filePath = ruled((value) => textProblem(value) ?? (value === "" ? "must not be empty" : undefined));
  const calendarDate = ruled(
    (value) =>
      textProblem(value) ?? (isCalendarDate(value) ? undefined : "must be a real calendar date written YYYY-MM-DD"),
  );
  // zod's own .max() runs on anything with a `length`, even after the value failed to be an array, and throws on a
  // `length` that is an object without a prototype (fast-check found it). This one measures arrays only, and runs
  // also when items are invalid, so an overlong list of bad items still names the maximum.
  const list = <T extends z.ZodType>(item: T, property: keyof typeof MAX_LIST_ITEMS) =>
    z.array(item).superRefine(
      (items, ctx) => {
        const maximum = MAX_LIST_ITEMS[property];
        if (items.length > maximum) {
          ctx.addIssue({ code: "too_big", origin: "array", maximum, inclusive: true, input: items });
        }
      },
      { when: (payload) => Array.isArray(payload.value) },
    );
  // Cross-field rules run even when a sibling is invalid, so every mistake shows in one preview; but only on objects.
  const always = {
    when: (payload: { value: unknown }) =>
      typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
  };

  const signAuthFile = z
    .strictObject({
      fileType: docType,
      fileSuffix: z.literal(["jpg", "jpeg", "png"]),
      fileContent: z.string().nullish(),
      // The vendor's own examples send "" for the source not used.
      fileUrl: ruled((value) => (value === "" ? undefined : urlProblem(value))).nullish(),
      document: z.strictObject({ path: filePath, sha256: z.string(), size: z.number().int().min(0) }).nullish(),
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
    }, always);

  const personInfo = z
    .strictObject({
      certificateType: z.number().int().min(0),
      personCertificate: list(signAuthFile, "personCertificate"),
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
    }, always);

  const businessInfo = z
    .strictObject({
      businessCertificateType: docType,
      businessCertificate: signAuthFile,
      businessCertificateName: name,
      unifiedSocialCreditIdentifier: ruled((code) => textProblem(code) ?? unifiedSocialCreditCodeProblem(code)),
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
    }, always);

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
      powerOfAttorney: list(signAuthFile, "powerOfAttorney").nullish(),
      otherMaterials: list(signAuthFile, "otherMaterials").nullish(),
      effectSignatures: list(name, "effectSignatures").nullish(),
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

/** fileUrl: the vendor fetches it, so it must be a plain public http(s) address with nothing it could misread. */
function urlProblem(value: string): string | undefined {
  const problem = nameProblem(value);
  if (problem) return problem;
  if (/\s/u.test(value)) return "must not contain whitespace (write a space as %20)";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an http:// or https:// URL";
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    return "must be an http:// or https:// URL";
  }
  if (url.username !== "" || url.password !== "") {
    return "must not carry a user or password (user:password@): the URL is stored and sent in plain text";
  }
  return undefined;
}
