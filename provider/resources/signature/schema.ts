/** The SmsSignature inputs as a zod schema, built when check first runs (see check/rules.ts for why). */
import { z } from "zod";
import { ALWAYS, list, ruled, signAuthFile, uniqueList, urlProblem } from "../../check/rules";
import { nameProblem, textProblem } from "../../check/text";
import { Purpose } from "../qualification/types";
import { MAX_LIST_ITEMS, MAX_TEXT_CHARS, MIN_CONTENT_CHARS } from "./limits";
import { ChannelType, SignatureSource } from "./types";

const QUALIFICATION_ID = /^[1-9]\d{0,18}$/;

/** `maxContentChars`: the setting's figure (limits.ts says why it is one). */
export function signatureSchema(maxContentChars: number) {
  const file = signAuthFile();
  const text = (maximum: number, { visible = true } = {}) =>
    ruled((value) => (visible ? nameProblem(value) : textProblem(value)) ?? lengthProblem(value, 0, maximum));

  return z
    .strictObject({
      content: ruled(
        (value) =>
          nameProblem(value) ?? bracketProblem(value) ?? lengthProblem(value, MIN_CONTENT_CHARS, maxContentChars),
      ),
      source: z.literal(Object.values(SignatureSource)),
      purpose: z.literal(Object.values(Purpose)),
      qualificationId: ruled((value) =>
        QUALIFICATION_ID.test(value)
          ? undefined
          : "must be a qualification id: a decimal integer as a string (qualification.id, or as the console shows it)",
      ),
      subAccounts: uniqueList(
        ruled(
          (value) =>
            nameProblem(value) ??
            (/\s/u.test(value) ? "must not contain whitespace: a message group id" : undefined) ??
            lengthProblem(value, 1, MAX_TEXT_CHARS.subAccount),
        ),
        MAX_LIST_ITEMS.subAccounts,
      ).nullish(),
      channelTypes: uniqueList(z.literal(Object.values(ChannelType)), Object.values(ChannelType).length).nullish(),
      desc: text(MAX_TEXT_CHARS.desc).nullish(),
      domain: ruled((value) => domainProblem(value)).nullish(),
      scene: text(MAX_TEXT_CHARS.scene).nullish(),
      uploadFileList: list(file, MAX_LIST_ITEMS.uploadFileList).nullish(),
      appIcp: z
        .strictObject({
          appIcpFilling: text(MAX_TEXT_CHARS.appIcpFilling),
          appIcpFileList: list(file, MAX_LIST_ITEMS.appIcpFileList).min(1),
        })
        .nullish(),
      trademark: z
        .strictObject({
          trademarkCn: text(MAX_TEXT_CHARS.trademarkCn).nullish(),
          trademarkEn: text(MAX_TEXT_CHARS.trademarkEn).nullish(),
          trademarkNumber: text(MAX_TEXT_CHARS.trademarkNumber),
          trademarkFileList: list(file, MAX_LIST_ITEMS.trademarkFileList).min(1),
        })
        .superRefine((mark, ctx) => {
          if (!mark.trademarkCn && !mark.trademarkEn) {
            ctx.addIssue({
              code: "custom",
              path: ["trademarkCn"],
              message: "set trademarkCn or trademarkEn (or both)",
            });
          }
        }, ALWAYS)
        .nullish(),
    })
    .superRefine((body, ctx) => {
      // The evidence the reviewer needs for what the signature names: required with its source, refused without it.
      const needs = [
        { property: "appIcp", source: SignatureSource.AppName, what: "2 (app name): the app's ICP filing" },
        { property: "trademark", source: SignatureSource.Trademark, what: "3 (trademark): the trademark certificate" },
      ] as const;
      for (const { property, source, what } of needs) {
        const given = body[property] !== undefined && body[property] !== null;
        if (body.source === source && !given) {
          ctx.addIssue({ code: "custom", path: [property], message: `is required when source is ${what}` });
        } else if (given && typeof body.source === "number" && body.source !== source) {
          ctx.addIssue({ code: "custom", path: [property], message: `is only for source ${what.split(":")[0]}` });
        }
      }
    }, ALWAYS);
}

function lengthProblem(value: string, minimum: number, maximum: number): string | undefined {
  const length = [...value].length;
  if (length >= minimum && length <= maximum) return undefined;
  const range = minimum > 0 ? `${minimum} to ${maximum}` : `at most ${maximum}`;
  return `must be ${range} characters (counted as characters, not bytes; this is ${length})`;
}

/** The carriers add the 【】 themselves: in the content they would be sent twice. */
function bracketProblem(value: string): string | undefined {
  return /[【】]/u.test(value) ? "must not contain 【 or 】: the carriers add them around the signature" : undefined;
}

/** Dot-separated labels of letters, digits and hyphens (not at a label's ends), the last of letters. */
const HOST_NAME =
  /^([a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+[a-z\u00a1-\uffff]{2,}$/iu;

/** A website: a host name, or an http(s) URL. */
function domainProblem(value: string): string | undefined {
  const problem = nameProblem(value) ?? lengthProblem(value, 1, MAX_TEXT_CHARS.domain);
  if (problem) return problem;
  if (value.includes("://")) return urlProblem(value);
  return HOST_NAME.test(value) ? undefined : "must be a host name (example.com) or an http(s) URL";
}
