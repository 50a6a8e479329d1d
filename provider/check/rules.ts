/**
 * zod building blocks every resource's schema uses. Built by functions, not at module load: a provider method must
 * never capture a schema (bound native functions break Pulumi's closure serializer), and a user's program that
 * imports the package must not load zod (check runs in the provider host).
 */
import { z } from "zod";
import { DOC_TYPES, FILE_SUFFIXES } from "../documents/sign-auth-file";
import { inspectFileContent } from "./file-content";
import { MAX_FILE_BYTES } from "./limits";
import { nameProblem, textProblem } from "./text";

export function addProblem(ctx: z.RefinementCtx, problem: string | undefined, path?: PropertyKey[]): void {
  if (problem) ctx.addIssue({ code: "custom", message: problem, ...(path ? { path } : {}) });
}

/** A string field checked by one rule that gives its first problem, so a NUL in an ID number is reported alone. */
export function ruled(problemOf: (value: string) => string | undefined) {
  return z.string().superRefine((value, ctx) => addProblem(ctx, problemOf(value)));
}

/** Visible text without leading or trailing whitespace (check/text.ts). */
export const visibleName = () => ruled(nameProblem);

/**
 * A list of at most `maximum` items. zod's own .max() runs on anything with a `length`, even after the value failed to
 * be an array, and throws on a `length` that is an object without a prototype (fast-check found it). This measures
 * arrays only, and runs also when items are invalid, so an overlong list of bad items still names the maximum.
 */
export function list<T extends z.ZodType>(item: T, maximum: number) {
  return z.array(item).superRefine(
    (items, ctx) => {
      if (items.length > maximum) {
        ctx.addIssue({ code: "too_big", origin: "array", maximum, inclusive: true, input: items });
      }
    },
    { when: (payload) => Array.isArray(payload.value) },
  );
}

/** A list of at most `maximum` items, none twice. */
export function uniqueList<T extends z.ZodType>(item: T, maximum: number) {
  return list(item, maximum).superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    for (const [index, value] of items.entries()) {
      if (seen.has(value)) ctx.addIssue({ code: "custom", path: [index], message: "is listed twice" });
      seen.add(value);
    }
  });
}

/** For cross-field rules: they run even when a sibling is invalid (every mistake shows in one preview); on objects. */
export const ALWAYS = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
};

export const docType = () => z.literal(DOC_TYPES);

/** One file given as exactly one of `document` (documentFile()), `fileContent` (base64, a data URI) or `fileUrl`. */
export function signAuthFile() {
  const filePath = ruled((value) => textProblem(value) ?? (value === "" ? "must not be empty" : undefined));
  return z
    .strictObject({
      fileType: docType(),
      fileSuffix: z.literal(FILE_SUFFIXES),
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
      if (hasContent)
        for (const problem of fileContentProblems(file.fileContent as string, file.fileSuffix)) {
          ctx.addIssue({ code: "custom", path: ["fileContent"], message: problem });
        }
    }, ALWAYS);
}

function fileContentProblems(content: string, suffix: string): string[] {
  const inspected = inspectFileContent(content);
  if ("problem" in inspected) return [inspected.problem];
  const problems: string[] = [];
  if (inspected.decodedBytes > MAX_FILE_BYTES) {
    problems.push(`decodes to ${inspected.decodedBytes} bytes; at most ${MAX_FILE_BYTES} (5 MB)`);
  }
  const suffixType = suffix === "png" ? "image/png" : "image/jpeg";
  const mediaType = inspected.mediaType === "image/jpg" ? "image/jpeg" : inspected.mediaType;
  if (mediaType !== undefined && (FILE_SUFFIXES as readonly string[]).includes(suffix) && mediaType !== suffixType) {
    problems.push(`data URI says ${inspected.mediaType} but fileSuffix says ${suffix}`);
  }
  return problems;
}

/** A URL the vendor fetches: a plain public http(s) address with nothing it could misread. */
export function urlProblem(value: string): string | undefined {
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
