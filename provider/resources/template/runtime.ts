/** SmsTemplate's provider methods, as the engine layer calls them (engine/dispatch.ts). */
import { randomUUID } from "node:crypto";
import type { SecondTemplate } from "../../api/template/list-second-template";
import { refuseInvalidInputs } from "../../check/failures";
import { changedProperties, listPaths } from "../../engine/diff";
import { containsUnknown, type Props, splitInputs, textOf } from "../../engine/inputs";
import type { ResourceRuntime } from "../../engine/resource-runtime";
import { ErrorCode, VolcengineError } from "../../errors";
import { reviewChangeLine } from "../../review/notice";
import { refusalLine } from "../../review/refusal";
import { checkTemplateBody } from "./check";
import { TemplateErrorCode } from "./errors";
import { bindSignatures, deleteTemplate, fileTemplate, nextStep, templateSubject } from "./filing";
import { findTemplate, secondTemplatesOf } from "./lookup";
import { assessSignatures, type SignaturesGate, signaturesGate } from "./signatures-gate";
import { reviewOfSecond, secondTemplateOutput, sendWithOf } from "./status";
import {
  INPUT_PROPERTIES,
  LISTED_PROPERTIES,
  type SecondTemplateOutput,
  TEMPLATE_TYPE,
  type TemplateBody,
  type TemplateOutputs,
} from "./types";

const WAITING = "waiting-for-signatures";
const APPLY = "ApplySmsTemplateV2SDK";

function bodyOf(props: Props): TemplateBody {
  return splitInputs(props, []).body as unknown as TemplateBody;
}

function filedOutputs(templateId: string, seconds: readonly SecondTemplate[]): TemplateOutputs {
  const secondTemplates = seconds.map(secondTemplateOutput);
  return { status: "filed", templateId, waitingFor: [], secondTemplates, sendWith: sendWithOf(secondTemplates) };
}

function waitingOutputs(gate: Extract<SignaturesGate, { ready: false }>): TemplateOutputs {
  return { status: WAITING, templateId: "", waitingFor: gate.waitingFor, secondTemplates: [], sendWith: {} };
}

function waitingLine(name: string, why: string): string {
  return (
    `${templateSubject(name)} is not filed yet: ${why}. It is recorded as waiting, and the first pulumi up ` +
    "that finds its signatures approved files it (each preview shows it as a change until then)"
  );
}

export const runtime: ResourceRuntime = {
  type: TEMPLATE_TYPE,

  async check(_olds, news) {
    return { inputs: news, failures: checkTemplateBody(bodyOf(news)) };
  },

  async diff(_id, olds, news, context) {
    const subject = templateSubject(textOf(olds.name), textOf(olds.templateId));
    if (olds.status === WAITING) {
      const waitingFor = Array.isArray(olds.waitingFor) ? olds.waitingFor.join(", ") : "";
      context.warn(
        waitingFor === ""
          ? `${subject} is filed by pulumi up: its signatures were approved when last read`
          : `${subject} will be filed once its signatures are approved (not yet when last read: ${waitingFor}): ` +
              "pulumi up files it then, and until then leaves it waiting",
      );
      return { changes: true, replaces: ["signatures"], deleteBeforeReplace: false };
    }
    const before = new Set(Array.isArray(olds.signatures) ? (olds.signatures as string[]) : []);
    const after = Array.isArray(news.signatures) ? (news.signatures as unknown[]) : [];
    // The signatures are a set: a new order alone changes nothing on the account.
    const sameSignatures =
      !containsUnknown(after) && after.length === before.size && after.every((s) => before.has(s as string));
    const changes = changedProperties(INPUT_PROPERTIES, olds, news).filter(
      ({ property }) => !(property === "signatures" && sameSignatures),
    );
    if (changes.length === 0) return { changes: false };
    const onlyAdded =
      changes.every(({ property }) => property === "signatures") &&
      !containsUnknown(after) &&
      [...before].every((signature) => after.includes(signature));
    if (onlyAdded) {
      const added = after.filter((signature) => !before.has(signature as string)).join(", ");
      context.warn(`${subject} is updated in place: signatures ${added} are added (BindSignaturesSDK, a review each)`);
      return { changes: true, replaces: [], deleteBeforeReplace: false };
    }
    const replaces = changes.map(({ property }) => property);
    if (!replaces.some((property) => (LISTED_PROPERTIES as readonly string[]).includes(property))) {
      throw new VolcengineError({
        kind: "input",
        action: "diff",
        code: TemplateErrorCode.ReplacementLooksTheSame,
        message:
          `${subject} would be replaced for ${replaces.join(", ")}, but the new template would look like this one ` +
          "on the account's list (same name, content, kind, signatures and sub-accounts), so pulumi up could not " +
          "tell it from this one, which stays on the account; nothing was filed",
        hint: "give the template a new name as well (the name is yours to choose: 模板名称)",
      });
    }
    context.warn(
      `${subject} is replaced (a new template, a new review per signature; V2 templates have no update, and a ` +
        `removed signature cannot be unbound): ${listPaths(changes.flatMap(({ paths }) => paths))} changed`,
    );
    return { changes: true, replaces, deleteBeforeReplace: false };
  },

  async create(inputs, context) {
    const body = bodyOf(inputs);
    refuseInvalidInputs(APPLY, checkTemplateBody(body));
    const client = context.clientFor(APPLY);
    const gate = await signaturesGate(context, client, body, APPLY);
    if (!gate.ready) {
      context.warn(waitingLine(body.name, gate.why));
      // The template has no id until it is filed; its state keeps a placeholder, replaced by the filed one.
      return { id: `waiting-${randomUUID()}`, outs: { ...body, ...waitingOutputs(gate) } };
    }
    const templateId = await fileTemplate(context, client, body);
    // The template exists from here on: a failure to read its second-level templates leaves them to refresh.
    const seconds = await secondTemplatesOf(client, templateId).catch((error: unknown) => {
      context.warn(`${templateSubject(body.name, templateId)} was filed; its review could not be read (${error})`);
      return [];
    });
    return { id: templateId, outs: { ...body, ...filedOutputs(templateId, seconds) } };
  },

  async read(id, stored, context) {
    const body = bodyOf(stored);
    if (stored.status === WAITING) {
      // A signature that can never take it does not fail the refresh, which is where the user learns of it.
      const gate = await assessSignatures(context, context.clientFor(APPLY), body, "GetSignatureAndOrderList");
      if ("refused" in gate) {
        context.warn(refusalLine(gate));
        return { id, props: { ...stored, waitingFor: gate.waitingFor } };
      }
      if (gate.ready) {
        context.warn(`${templateSubject(body.name)}: its signatures are approved now: the next pulumi up files it`);
        return { id, props: { ...stored, waitingFor: [] } };
      }
      return { id, props: { ...stored, waitingFor: gate.waitingFor } };
    }
    const client = context.clientFor("ListSmsTemplateV2SDK");
    const subject = templateSubject(body.name, id);
    if ((await findTemplate(context, client, id)) === undefined) {
      context.warn(
        `${subject} is not on the account any more (deleted in the console?): it leaves the state. pulumi up files ` +
          "it again if the program still declares it",
      );
      return { id: "" };
    }
    const outputs = filedOutputs(id, await secondTemplatesOf(client, id));
    const before = new Map(
      (Array.isArray(stored.secondTemplates) ? (stored.secondTemplates as SecondTemplateOutput[]) : []).map((s) => [
        s.signature,
        s,
      ]),
    );
    for (const second of outputs.secondTemplates) {
      const stored = before.get(second.signature);
      const line = reviewChangeLine(
        `${subject} with signature "${second.signature}" (${second.secondTemplateId})`,
        stored ? reviewOfSecond(stored) : undefined,
        reviewOfSecond(second),
        nextStep,
      );
      if (line !== undefined) context.warn(line);
    }
    return { id, props: { ...stored, ...outputs } };
  },

  async update(id, olds, news, context) {
    const body = bodyOf(news);
    refuseInvalidInputs("BindSignaturesSDK", checkTemplateBody(body));
    const client = context.clientFor("BindSignaturesSDK");
    const bound = new Set(Array.isArray(olds.signatures) ? (olds.signatures as string[]) : []);
    const added = body.signatures.filter((signature) => !bound.has(signature));
    if (added.length === 0) return { outs: { ...olds, ...body } };
    const gate = await signaturesGate(context, client, { name: body.name, signatures: added }, "BindSignaturesSDK");
    if (!gate.ready) {
      throw new VolcengineError({
        kind: "input",
        action: "BindSignaturesSDK",
        code: ErrorCode.InvalidInput,
        message: `not updated: ${templateSubject(body.name, id)} cannot take ${gate.why} yet; nothing was bound`,
        hint: "run pulumi up again once those signatures are approved",
      });
    }
    await bindSignatures(client, id, added, body.subAccounts ?? []);
    const seconds = await secondTemplatesOf(client, id);
    return { outs: { ...body, ...filedOutputs(id, seconds) } };
  },

  async delete(id, props, context) {
    // A waiting template is replaced by a new placeholder at each up until it can be filed: nothing of it is on the
    // account, and nothing needs saying.
    if (props.status === WAITING) return;
    deleteTemplate(context, id, textOf(props.name));
  },
};
