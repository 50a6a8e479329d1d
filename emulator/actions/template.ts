// The templates of the V2 system (Version 2021-01-11): filing, adding signatures, and the two lists.
import { invalidParameter } from "../business-error";
import { isUsable } from "../review-status";
import type { EmulatorStore } from "../store";
import { SECOND_TEMPLATE_STATUS_CODES, type SecondTemplate, type Template } from "../store/templates";
import {
  validateApplySmsTemplate,
  validateBindSignatures,
  validateListSecondTemplates,
  validateListSmsTemplates,
} from "../validate/template";
import { type ActionRoute, POST, page } from "./route";

const VERSIONS = ["2021-01-11"];
const TEXT_LISTS = { integers: ["page", "pageSize"], lists: ["subAccounts"] };

export const TEMPLATE_ROUTES = {
  ApplySmsTemplateV2SDK: {
    versions: VERSIONS,
    methods: POST,
    creates: "template",
    handle(body, store) {
      const { fields, signatures } = validateApplySmsTemplate(body);
      requireApprovedSignatures(store, signatures);
      store.admitCreation("template");
      const template = store.templates.apply(fields, signatures);
      return {
        templateId: template.templateId,
        secondTemplates: template.secondTemplates.map((s) => applied(template, s)),
      };
    },
  },

  BindSignaturesSDK: {
    versions: VERSIONS,
    methods: POST,
    handle(body, store) {
      const { templateId, signatures } = validateBindSignatures(body);
      if (!store.templates.find(templateId)) throw invalidParameter("templateId does not match any template");
      requireApprovedSignatures(store, signatures);
      const template = store.templates.find(templateId) as Template;
      return { secondTemplates: store.templates.bind(templateId, signatures).map((s) => applied(template, s)) };
    },
  },

  ListSmsTemplateV2SDK: {
    versions: VERSIONS,
    methods: ["GET", "POST"],
    query: TEXT_LISTS,
    handle(params, store) {
      const query = validateListSmsTemplates(params);
      const matching = store.templates
        .all()
        .filter(
          (t) =>
            (query.templateId === undefined || t.templateId === query.templateId) &&
            (query.name === undefined || t.name.includes(query.name)) &&
            (query.content === undefined || t.content.includes(query.content)) &&
            (query.signature === undefined || t.secondTemplates.some((s) => s.signature === query.signature)) &&
            (query.subAccounts === undefined || query.subAccounts.some((a) => t.subAccounts.includes(a))),
        );
      return page(matching, { pageIndex: query.page, pageSize: query.pageSize }, templateListItem);
    },
  },

  ListSecondTemplate: {
    versions: VERSIONS,
    methods: ["GET", "POST"],
    query: { integers: ["page", "pageSize", "statusList"], lists: ["signatureList", "statusList"] },
    handle(params, store) {
      const query = validateListSecondTemplates(params);
      const matching = store.templates
        .all()
        .flatMap((template) =>
          template.secondTemplates
            .filter(
              (s) =>
                (query.templateId === undefined || template.templateId === query.templateId) &&
                (query.secondTemplateId === undefined || s.secondTemplateId === query.secondTemplateId) &&
                (query.signatures === undefined || query.signatures.includes(s.signature)) &&
                (query.statuses === undefined || query.statuses.includes(s.reviewStatus)),
            )
            .map((s) => ({ template, second: s })),
        );
      return page(matching, { pageIndex: query.page, pageSize: query.pageSize }, ({ template, second }) => ({
        ...applied(template, second),
        templateId: template.templateId,
        reviewStatus: second.reviewStatus,
        reason: second.reason,
      }));
    },
  },
} satisfies Record<string, ActionRoute>;

/** A template takes only signatures of the account that are approved or exempted. */
function requireApprovedSignatures(store: EmulatorStore, signatures: readonly string[]): void {
  for (const [index, content] of signatures.entries()) {
    const signature = store.signatures.find(content);
    if (!signature || signature.isOrder || !isUsable(signature.status)) {
      throw invalidParameter(`signatures[${index}] is not an approved signature of this account`);
    }
  }
}

function applied(template: Template, second: SecondTemplate) {
  return {
    secondTemplateId: second.secondTemplateId,
    signature: second.signature,
    industry: "",
    channelType: template.channelType,
    content: template.content,
  };
}

function templateListItem(t: Template) {
  const statuses = t.secondTemplates.map((s) => s.reviewStatus);
  const approved = SECOND_TEMPLATE_STATUS_CODES.approved;
  const status =
    statuses.length > 0 && statuses.every((s) => s === approved)
      ? approved
      : statuses.includes(SECOND_TEMPLATE_STATUS_CODES.rejected)
        ? SECOND_TEMPLATE_STATUS_CODES.rejected
        : SECOND_TEMPLATE_STATUS_CODES.reviewing;
  return {
    templateId: t.templateId,
    name: t.name,
    content: t.content,
    channelType: t.channelType,
    desc: t.desc,
    signatures: t.secondTemplates.map((s) => s.signature),
    subAccounts: [...t.subAccounts],
    templateParams: t.templateParams,
    shortUrlConfig: t.shortUrlConfig,
    status,
    canDelete: false,
    createdAt: Math.floor(t.createdAt.getTime() / 1000),
  };
}
