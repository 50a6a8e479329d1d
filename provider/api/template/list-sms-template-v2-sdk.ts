import type { ActionClient } from "../../http/client";
import { type Fields, integerField, pageOf, stringsField, textField } from "../result";
import { SMS_API_VERSION } from "../sms";

export const LIST_SMS_TEMPLATE_V2_SDK = "ListSmsTemplateV2SDK";
export const TEMPLATE_LIST_PAGE_SIZE = 100;

/** A first-level template as the list shows it. */
export interface ListedTemplate {
  templateId: string;
  name: string;
  content: string;
  channelType: string;
  signatures: string[];
  subAccounts: string[];
  status?: number;
}

export interface TemplateListRequest {
  templateId?: string;
  /** Filters the API matches as parts: callers compare names and contents themselves. */
  name?: string;
  content?: string;
  page: number;
  pageSize: number;
}

/** One page of the account's V2 templates; a read, retried like one. Items without a templateId are left out. */
export async function listSmsTemplateV2Sdk(
  client: ActionClient,
  request: TemplateListRequest,
): Promise<{ templates: ListedTemplate[]; total: number }> {
  const query: Record<string, string> = { page: String(request.page), pageSize: String(request.pageSize) };
  for (const key of ["templateId", "name", "content"] as const) {
    const value = request[key];
    if (value !== undefined) query[key] = value;
  }
  const { result } = await client.call({
    action: LIST_SMS_TEMPLATE_V2_SDK,
    version: SMS_API_VERSION,
    method: "GET",
    query,
    repeatable: true,
  });
  const page = pageOf(result);
  return { templates: page.items.flatMap((fields) => templateOf(fields) ?? []), total: page.total };
}

function templateOf(fields: Fields): ListedTemplate | undefined {
  const templateId = textField(fields.templateId);
  if (templateId === "") return undefined;
  return {
    templateId,
    name: textField(fields.name),
    content: textField(fields.content),
    channelType: textField(fields.channelType),
    signatures: stringsField(fields.signatures),
    subAccounts: stringsField(fields.subAccounts),
    status: integerField(fields.status),
  };
}
