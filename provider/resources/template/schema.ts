/** The SmsTemplate inputs as a zod schema, built when check first runs (see check/rules.ts for why). */
import { z } from "zod";
import { ALWAYS, list, ruled, uniqueList } from "../../check/rules";
import { nameProblem, textProblem } from "../../check/text";
import { containsUnknown } from "../../engine/inputs";
import { ChannelType } from "../signature/types";
import { MARKETING_OPT_OUT, MAX_LIST_ITEMS, MAX_TEXT_CHARS } from "./limits";
import { TemplateParamType } from "./types";
import { variablesOf } from "./variables";

const length = (value: string, maximum: number) =>
  [...value].length > maximum ? `must be at most ${maximum} characters (this is ${[...value].length})` : undefined;

export function templateSchema() {
  const name = (maximum: number) => ruled((value) => nameProblem(value) ?? length(value, maximum));
  const param = z.strictObject({
    name: ruled((value) =>
      /^[A-Za-z_][A-Za-z0-9_]*$/u.test(value)
        ? length(value, MAX_TEXT_CHARS.variable)
        : "must be letters, digits and _, starting with a letter or _",
    ),
    paramType: z.literal(Object.values(TemplateParamType)),
    location: z.number().int().min(0).nullish(),
    id: ruled((value) => textProblem(value) ?? length(value, MAX_TEXT_CHARS.variable)).nullish(),
    content: ruled((value) => textProblem(value) ?? length(value, MAX_TEXT_CHARS.exampleValue)).nullish(),
  });

  return z
    .strictObject({
      name: name(MAX_TEXT_CHARS.name),
      content: ruled(
        (value) =>
          nameProblem(value) ??
          length(value, MAX_TEXT_CHARS.content) ??
          (/[【】]/u.test(value)
            ? "must not contain 【 or 】: the carriers add 【signature】 themselves"
            : undefined) ??
          variablesOf(value).problems[0],
      ),
      channelType: z.literal(Object.values(ChannelType)),
      signatures: uniqueList(name(MAX_TEXT_CHARS.name), MAX_LIST_ITEMS.signatures).min(1),
      subAccounts: uniqueList(
        ruled((value) => nameProblem(value) ?? (/\s/u.test(value) ? "must not contain whitespace" : undefined)),
        MAX_LIST_ITEMS.subAccounts,
      ).nullish(),
      desc: name(MAX_TEXT_CHARS.desc).nullish(),
      templateParams: list(param, MAX_LIST_ITEMS.templateParams).nullish(),
      shortUrlConfig: z
        .strictObject({
          isEnabled: z.boolean(),
          isNeedClickDetails: z.literal(["0", "1"]).nullish(),
          uaCheckStrategy: z.number().int().min(0).nullish(),
        })
        .nullish(),
    })
    .superRefine((body, ctx) => {
      // The rules between fields judge known values only: a content not known yet has variables not known yet.
      const content = typeof body.content === "string" ? body.content : undefined;
      if (content === undefined || containsUnknown(body.content) || containsUnknown(body.templateParams)) return;
      const variables = variablesOf(content).names;
      const params = Array.isArray(body.templateParams) ? body.templateParams : [];
      const declared = params.map((p) => p?.name).filter((n): n is string => typeof n === "string");
      for (const variable of new Set(variables)) {
        if (!declared.includes(variable)) {
          ctx.addIssue({
            code: "custom",
            path: ["templateParams"],
            message: `has no entry for \${${variable}} of the content: each variable needs one (its paramType)`,
          });
        }
      }
      for (const [index, declaredName] of declared.entries()) {
        if (!variables.includes(declaredName)) {
          ctx.addIssue({
            code: "custom",
            path: ["templateParams", index, "name"],
            message: "is not a variable of the content",
          });
        } else if (declared.indexOf(declaredName) !== index) {
          ctx.addIssue({ code: "custom", path: ["templateParams", index, "name"], message: "is listed twice" });
        }
      }
      if (body.channelType === ChannelType.VerificationCode) {
        const ordinary = params.filter((p) => p?.paramType === TemplateParamType.Ordinary).map((p) => p.name);
        const hasCode = params.length > 0 ? variables.some((v) => ordinary.includes(v)) : variables.length > 0;
        if (!hasCode) {
          ctx.addIssue({
            code: "custom",
            path: ["content"],
            message:
              "is a verification-code template (CN_OTP) without the code: add it as a variable " +
              // biome-ignore lint/suspicious/noTemplateCurlyInString: the content's own variable syntax, literally
              "(e.g. ${code}) of paramType 1",
          });
        }
      }
      if (
        body.channelType === ChannelType.Marketing &&
        !content.replace(/[。.!！]$/u, "").endsWith(MARKETING_OPT_OUT)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["content"],
          message: `is a marketing template (CN_MKT): it must end with ${MARKETING_OPT_OUT}, as the carriers require`,
        });
      }
      if (body.shortUrlConfig && body.channelType !== ChannelType.Marketing) {
        ctx.addIssue({ code: "custom", path: ["shortUrlConfig"], message: "is only for marketing templates (CN_MKT)" });
      }
    }, ALWAYS);
}
