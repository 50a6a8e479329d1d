/** Finding a template: by its id, and by name and content (what the provider settles an unknown outcome by). */

import { readPages } from "../../api/result";
import {
  listSecondTemplate,
  SECOND_TEMPLATE_PAGE_SIZE,
  type SecondTemplate,
} from "../../api/template/list-second-template";
import {
  type ListedTemplate,
  listSmsTemplateV2Sdk,
  TEMPLATE_LIST_PAGE_SIZE,
} from "../../api/template/list-sms-template-v2-sdk";
import type { Context } from "../../engine/context";
import type { ActionClient } from "../../http/client";

/** Pages a listing reads at most: 2,000 templates is past any real account. */
const MAX_PAGES = 20;

/** The template of this id; lookups made together share list pages (engine/batched-lookup.ts). */
export async function findTemplate(
  context: Pick<Context, "lookups">,
  client: ActionClient,
  templateId: string,
): Promise<ListedTemplate | undefined> {
  const lookup = context.lookups.of<ListedTemplate>("template by id", () => ({
    readKey: async (key) => {
      const page = await listSmsTemplateV2Sdk(client, { templateId: key, page: 1, pageSize: 10 });
      return page.templates.filter((template) => template.templateId === key);
    },
    readPage: async (page, pageSize) => {
      const listed = await listSmsTemplateV2Sdk(client, { page, pageSize });
      return { items: listed.templates, total: listed.total };
    },
    keyOf: (template) => template.templateId,
    identityOf: (template) => template.templateId,
    pageSize: TEMPLATE_LIST_PAGE_SIZE,
    maxPages: MAX_PAGES,
    confirmAbsent: true,
  }));
  return (await lookup.get(templateId))[0];
}

/** The account's templates named exactly `name` (the API matches parts of it). */
export async function templatesNamed(client: ActionClient, name: string): Promise<ListedTemplate[]> {
  return (await listTemplates(client, { name })).filter((template) => template.name === name);
}

export async function listTemplates(client: ActionClient, filter: { name?: string } = {}): Promise<ListedTemplate[]> {
  return readPages(
    async (page, pageSize) => {
      const listed = await listSmsTemplateV2Sdk(client, { ...filter, page, pageSize });
      return { items: listed.templates, total: listed.total };
    },
    TEMPLATE_LIST_PAGE_SIZE,
    MAX_PAGES,
  );
}

/** A template's second-level templates, one per signature. */
export async function secondTemplatesOf(client: ActionClient, templateId: string): Promise<SecondTemplate[]> {
  const seconds = await readPages(
    async (page, pageSize) => {
      const listed = await listSecondTemplate(client, { templateId, page, pageSize });
      return { items: listed.secondTemplates, total: listed.total };
    },
    SECOND_TEMPLATE_PAGE_SIZE,
    MAX_PAGES,
  );
  return seconds.filter((second) => second.templateId === templateId);
}
