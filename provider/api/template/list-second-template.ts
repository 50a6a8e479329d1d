import type { ActionClient } from "../../http/client";
import { type Fields, integerField, pageOf, textField } from "../result";
import { SMS_API_VERSION } from "../sms";

export const LIST_SECOND_TEMPLATE = "ListSecondTemplate";
export const SECOND_TEMPLATE_PAGE_SIZE = 100;

/** A second-level template: one signature's copy of a template, reviewed on its own. */
export interface SecondTemplate {
  templateId: string;
  secondTemplateId: string;
  signature: string;
  /** The vendor's number (see resources/template/status.ts); undefined when the answer gave none. */
  reviewStatus?: number;
  reason: string;
}

export function secondTemplateOf(fields: Fields, templateId = ""): SecondTemplate {
  return {
    templateId: textField(fields.templateId) || templateId,
    secondTemplateId: textField(fields.secondTemplateId),
    signature: textField(fields.signature),
    reviewStatus: integerField(fields.reviewStatus),
    reason: textField(fields.reason),
  };
}

/** The second-level templates of one template (or of the account); a read, retried like one. */
export async function listSecondTemplate(
  client: ActionClient,
  request: { templateId?: string; page: number; pageSize: number },
): Promise<{ secondTemplates: SecondTemplate[]; total: number }> {
  const query: Record<string, string> = { page: String(request.page), pageSize: String(request.pageSize) };
  if (request.templateId !== undefined) query.templateId = request.templateId;
  const { result } = await client.call({
    action: LIST_SECOND_TEMPLATE,
    version: SMS_API_VERSION,
    method: "GET",
    query,
    repeatable: true,
  });
  const page = pageOf(result);
  const secondTemplates = page.items.map((fields) => secondTemplateOf(fields)).filter((s) => s.secondTemplateId !== "");
  return { secondTemplates, total: page.total };
}
