/**
 * Filing a template, adding signatures to it, and what deleting one means. Unlike a signature's content, nothing about
 * a template is unique on the account: before filing, and after a filing whose outcome is unknown, the account's
 * templates of the same name are looked at, and one with the same content and kind is this template.
 */
import { applySmsTemplateV2Sdk } from "../../api/template/apply-sms-template-v2-sdk";
import { bindSignaturesSdk } from "../../api/template/bind-signatures-sdk";
import type { ListedTemplate } from "../../api/template/list-sms-template-v2-sdk";
import type { Context } from "../../engine/context";
import { isVolcengineError, VolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import { stringifyJson } from "../../http/json";
import type { Review } from "../../review/status";
import { TemplateErrorCode } from "./errors";
import { templatesNamed } from "./lookup";
import type { TemplateBody } from "./types";

/** `SmsTemplate "验证码模板"`: how every line names a template. */
export function templateSubject(name: string, templateId?: string): string {
  return `SmsTemplate "${name}"${templateId ? ` (${templateId})` : ""}`;
}

/** All the list can tell: a replacement differs in one of these, or preview refuses it (runtime.ts). */
function isThisTemplate(listed: ListedTemplate, body: TemplateBody): boolean {
  return (
    listed.name === body.name &&
    listed.content === body.content &&
    listed.channelType === body.channelType &&
    sameSet(listed.signatures, body.signatures) &&
    sameSet(listed.subAccounts, body.subAccounts ?? [])
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((item) => set.has(item));
}

/**
 * Files the template, or takes the one already on the account that these inputs describe (an earlier run filed it
 * and did not learn its id): nothing here files it twice. Returns its id.
 */
export async function fileTemplate(context: Context, client: ActionClient, body: TemplateBody): Promise<string> {
  const action = "ApplySmsTemplateV2SDK";
  const subject = templateSubject(body.name);
  const existing = (await templatesNamed(client, body.name)).find((listed) => isThisTemplate(listed, body));
  if (existing !== undefined) {
    context.warn(
      `${subject}: took ${existing.templateId}, already on the account with this name, content, kind and ` +
        "signatures, as this " +
        "resource (an earlier run filed it); nothing was filed",
    );
    return existing.templateId;
  }
  const ifAmbiguous =
    "run pulumi up again: it looks for a template of this name and content before filing, and takes it if this " +
    "filing arrived (`npx pulumi-volcengine-sms templates --name …` lists them)";
  try {
    const applied = await applySmsTemplateV2Sdk(client, { json: stringifyJson(body), name: body.name, ifAmbiguous });
    return applied.templateId;
  } catch (error) {
    if (!(isVolcengineError(error) && error.mayHaveBeenFiled)) throw error;
    const named = await templatesNamed(client, body.name);
    const same = named.find((listed) => isThisTemplate(listed, body));
    if (same !== undefined) {
      context.warn(
        `${subject}: the answer to the filing was lost (${error.code}); took ${same.templateId}, which it filed, ` +
          "as this resource",
      );
      return same.templateId;
    }
    if (named.length > 0) {
      throw new VolcengineError({
        kind: "response",
        action,
        code: TemplateErrorCode.TemplateMismatch,
        message:
          `the answer to filing template "${body.name}" was lost, and the account holds ` +
          `${named.map((t) => t.templateId).join(", ")} ` +
          "of that name with another content or kind; nothing was recorded",
        hint:
          "if one of them is this template as filed before a change, delete it in the console (短信服务 → 模板管理) or " +
          "rename this one; then run pulumi up again",
        cause: error,
      });
    }
    throw error;
  }
}

/** Adds signatures: a new second-level template, and review, each. */
export async function bindSignatures(
  client: ActionClient,
  templateId: string,
  signatures: readonly string[],
  subAccounts: readonly string[],
): Promise<void> {
  await bindSignaturesSdk(client, { templateId, signatures, subAccounts });
}

/**
 * What deleting a template does. No delete action for V2 templates is documented (the list's `canDelete` is used by
 * none): the template leaves the state only. When an action is known, this is the one place that calls it.
 */
export function deleteTemplate(context: Context, templateId: string, name: string): void {
  context.warn(
    `${templateSubject(name, templateId)} stays on the Volcengine account: the SMS API has no delete for V2 ` +
      "templates. " +
      "It is removed from the Pulumi state only; delete it in the console (短信服务 → 模板管理) if it should go.",
  );
}

/** What to do once a refresh saw a second-level template's review move to `after`. */
export function nextStep(after: Review): string {
  switch (after.reviewStatus) {
    case "approved":
      return "SMS can be sent with this signature and the id in sendWith";
    case "rejected":
      return "fix what the reason names: a changed content, name or kind files a new template (a replacement)";
    case "reviewing":
      return "wait for the review; pulumi refresh shows its outcome";
    default:
      return `this provider does not know the state ${after.reviewStatus}: see the console (短信服务 → 模板管理)`;
  }
}
