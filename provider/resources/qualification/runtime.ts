/** SmsSignatureIdent's provider methods, as the engine layer calls them (engine/dispatch.ts). */
import { APPLY_SIGNATURE_IDENT, applySignatureIdent } from "../../api/qualification/apply-signature-ident";
import { GET_SIGNATURE_IDENTIFICATION_LIST } from "../../api/qualification/get-signature-identification-list";
import { refuseInvalidInputs } from "../../check/failures";
import { inlineDocuments } from "../../documents/inline";
import { documentFailures } from "../../documents/verify";
import { listPaths } from "../../engine/diff";
import { type Props, splitInputs, textOf } from "../../engine/inputs";
import type { ResourceRuntime } from "../../engine/resource-runtime";
import { ErrorCode, VolcengineError } from "../../errors";
import { personalValuesOf } from "../../redact";
import { reviewChangeLine } from "../../review/notice";
import { auditStatusOf, storedReview } from "../../review/status";
import { checkControls, checkSignatureIdentBody } from "./check";
import { diffSignatureIdent } from "./diff";
import {
  adopt,
  nextStep,
  qualificationReviewAfterFiling,
  qualificationSubject,
  refuseWhileSameNameUnderReview,
  rejectionNotice,
} from "./filing";
import { MAX_LIST_ITEMS } from "./limits";
import { effectSignaturesAfter, type LookUpResult, lookUpQualification, rememberFiled } from "./lookup";
import {
  CONTROL_PROPERTIES,
  PERSONAL_FIELDS,
  QUALIFICATION_TYPE,
  type SignatureIdentBody,
  type SignatureIdentControls,
} from "./types";

function inputsOf(props: Props): { body: SignatureIdentBody; controls: SignatureIdentControls & Props } {
  const { body, controls } = splitInputs(props, CONTROL_PROPERTIES);
  return { body: body as unknown as SignatureIdentBody, controls };
}

function outputsOf(body: SignatureIdentBody, controls: SignatureIdentControls, looked: LookUpResult): Props {
  return {
    ...body,
    ...controls,
    ...looked.review,
    effectSignatures: effectSignaturesAfter(looked, body.effectSignatures),
  };
}

export const runtime: ResourceRuntime = {
  type: QUALIFICATION_TYPE,

  async check(_olds, news) {
    const { body, controls } = inputsOf(news);
    const failures = [
      ...checkSignatureIdentBody(body),
      ...checkControls(controls),
      ...(await documentFailures(body, MAX_LIST_ITEMS)),
    ];
    return { inputs: news, failures };
  },

  async diff(id, olds, news, context) {
    const { changes, replaces, changedPaths } = diffSignatureIdent(id, olds, news);
    if (changes) {
      context.warn(
        `${qualificationSubject(id, textOf(olds.materialName))} is replaced (a new filing, a new review): ` +
          `${listPaths(changedPaths)} changed`,
      );
    }
    // The new qualification is filed before the old one leaves the state, so a failed filing loses nothing.
    return { changes, replaces, deleteBeforeReplace: false };
  },

  async create(inputs, context) {
    const { action } = APPLY_SIGNATURE_IDENT;
    const { body, controls } = inputsOf(inputs);
    refuseInvalidInputs(action, [...checkSignatureIdentBody(body), ...checkControls(controls)]);
    const settings = context.settings(action);
    const client = context.clientFor(action);
    if (controls.adoptId !== undefined) {
      const adopted = await adopt(context, client, controls.adoptId, body);
      return { id: controls.adoptId, outs: outputsOf(body, controls, adopted) };
    }
    const sent = await inlineDocuments(body, settings.fileContentFormat);
    if (sent.problems.length > 0) {
      throw new VolcengineError({
        kind: "input",
        action,
        code: ErrorCode.DocumentChanged,
        message: `not sent: ${sent.problems.join("; ")}`,
        hint: "the qualification must carry the documents `pulumi preview` showed",
      });
    }
    if (controls.allowDuplicateName !== true) await refuseWhileSameNameUnderReview(context, client, body.materialName);
    const personalValues = personalValuesOf(body, PERSONAL_FIELDS);
    const { id } = await applySignatureIdent(client, {
      json: sent.json,
      materialName: body.materialName,
      personalValues,
    });
    // The qualification exists from here on: nothing below may fail the create, or Pulumi would lose its id.
    rememberFiled(context, client, {
      id,
      materialName: body.materialName,
      purpose: body.purpose,
      businessCertificateName: body.businessInfo?.businessCertificateName ?? "",
      effectSignatures: body.effectSignatures ?? [],
      auditStatus: auditStatusOf("reviewing"),
      auditOpinion: "",
      auditedAt: 0,
      usable: false,
    });
    const looked = await qualificationReviewAfterFiling(
      context,
      client,
      id,
      body.materialName,
      controls.waitForApproval,
    );
    return { id, outs: outputsOf(body, controls, looked) };
  },

  async read(id, stored, context) {
    const client = context.clientFor(GET_SIGNATURE_IDENTIFICATION_LIST.action);
    const looked = await lookUpQualification(context, client, id);
    const name = textOf(stored.materialName);
    const change = reviewChangeLine(qualificationSubject(id, name), storedReview(stored), looked.review, nextStep);
    if (change !== undefined) context.warn(change);
    else if (looked.review.reviewStatus === "rejected") context.warn(rejectionNotice(id, name, looked.review));
    if (looked.conclusive && !looked.listed) {
      context.warn(
        `${qualificationSubject(id, name)} is not listed by the account (deleted in the console?). It stays in the ` +
          "state; if it is gone for good, `pulumi state delete` the resource or let a change file a new one.",
      );
    }
    // A qualification is never dropped from the state for its review state: it exists until someone deletes it.
    const effectSignatures = effectSignaturesAfter(looked, stored.effectSignatures);
    return { id, props: { ...stored, ...looked.review, effectSignatures } };
  },

  async update() {
    throw new Error(
      "SmsSignatureIdent cannot be updated in place: every change files a new qualification, so diff always asks for " +
        "replacement",
    );
  },

  async delete(id, props, context) {
    const name = textOf(props.materialName);
    context.warn(
      `${qualificationSubject(id, name)} stays on the Volcengine account: the SMS API has no delete. It is removed ` +
        "from the Pulumi state only. To remove it, delete it by hand in the Volcengine console " +
        `(短信服务 → 资质管理, id ${id}) or ask Volcengine support.`,
    );
  },
};
