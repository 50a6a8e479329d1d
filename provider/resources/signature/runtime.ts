/** SmsSignature's provider methods, as the engine layer calls them (engine/dispatch.ts). */
import { signatureApiVersion } from "../../api/signature/version";
import { refuseInvalidInputs } from "../../check/failures";
import { documentFailures } from "../../documents/verify";
import type { Context } from "../../engine/context";
import { changedProperties, listPaths } from "../../engine/diff";
import { isKnown, type Props, splitInputs, textOf } from "../../engine/inputs";
import type { ResourceRuntime } from "../../engine/resource-runtime";
import { ErrorCode, VolcengineError } from "../../errors";
import { reviewAfterFiling } from "../../review/after-filing";
import { reviewChangeLine } from "../../review/notice";
import { refusalLine } from "../../review/refusal";
import { type Review, storedReview, UNKNOWN_REVIEW } from "../../review/status";
import { settingNames } from "../../settings/table";
import { checkSignatureBody, checkSignatureControls } from "./check";
import { fileSignature, nextStep, removeSignature, sendUpdate, signatureSubject } from "./filing";
import { DEFAULT_MAX_CONTENT_CHARS, MAX_LIST_ITEMS, MIN_CONTENT_CHARS, MOST_CONTENT_CHARS } from "./limits";
import { findSignature, lookUpSignature } from "./lookup";
import { assessQualification, type Gate, qualificationGate } from "./qualification-gate";
import { NOT_REPORTED, reportOfRow, reviewOfRow, updateReviewOf } from "./status";
import {
  CONTROL_PROPERTIES,
  INPUT_PROPERTIES,
  REPLACING_PROPERTIES,
  type ReportStatus,
  SIGNATURE_TYPE,
  type SignatureBody,
  type SignatureControls,
  type SignatureOutputs,
} from "./types";

const WAITING = "waiting-for-qualification";

function inputsOf(props: Props): { body: SignatureBody; controls: SignatureControls & Props } {
  const { body, controls } = splitInputs(props, CONTROL_PROPERTIES);
  return { body: body as unknown as SignatureBody, controls };
}

/** The content's maximum: the default, or `volcengine:smsSignatureMaxChars` (limits.ts says why it is a setting). */
function maxContentChars(context: Context): number {
  const text = context.setting("signatureMaxChars");
  if (text === undefined) return DEFAULT_MAX_CONTENT_CHARS;
  const value = Number(text);
  if (Number.isInteger(value) && value >= MIN_CONTENT_CHARS && value <= MOST_CONTENT_CHARS) return value;
  throw new VolcengineError({
    kind: "config",
    action: "check",
    code: ErrorCode.InvalidSetting,
    message: `${settingNames("signatureMaxChars")} is "${text}"`,
    hint: `set it to a whole number from ${MIN_CONTENT_CHARS} to ${MOST_CONTENT_CHARS}`,
  });
}

const versionOf = (context: Context, action: string) =>
  signatureApiVersion(context.setting("signatureApiVersion"), action);

function refuseInvalid(action: string, body: SignatureBody, controls: Props, context: Context): void {
  refuseInvalidInputs(action, [
    ...checkSignatureBody(body, maxContentChars(context)),
    ...checkSignatureControls(controls),
  ]);
}

/** The outputs of a signature that waits for its qualification: nothing of it is on the account yet. */
function waitingOutputs(gate: Extract<Gate, { ready: false }>): SignatureOutputs {
  return {
    ...UNKNOWN_REVIEW,
    status: WAITING,
    qualificationStatus: gate.qualificationStatus,
    applyId: "",
    rowId: "",
    updateReviewStatus: "none",
    updateReviewOpinion: "",
    boundQualificationId: "",
    boundQualificationName: "",
    reportStatus: NOT_REPORTED,
  };
}

function waitingLine(content: string, why: string): string {
  return (
    `${signatureSubject(content)} is not filed yet: ${why}. It is recorded as waiting, and the first pulumi up that ` +
    "finds the qualification approved files it (each preview shows it as a change until then)"
  );
}

/**
 * Files the signature if its qualification lets it, or records it as waiting; used by create, and by update while
 * a signature waits. Never fails after the filing: the signature exists from there on.
 */
async function fileOrWait(body: SignatureBody, controls: SignatureControls, context: Context): Promise<Props> {
  const action = "ApplySmsSignatureV2";
  const client = context.clientFor(action);
  const version = versionOf(context, action);
  const gate = await qualificationGate(context, client, body, action);
  if (!gate.ready) {
    context.warn(waitingLine(body.content, gate.why));
    return { ...body, ...controls, ...waitingOutputs(gate) };
  }
  const filed = await fileSignature(context, client, version, body);
  const justFiled = { review: { ...UNKNOWN_REVIEW, reviewStatus: "reviewing" } as Review, row: filed.row };
  const settled = await reviewAfterFiling({
    wait: controls.waitForApproval,
    subject: signatureSubject(body.content),
    kind: "signature",
    justFiled: filed.row ? { review: reviewOfRow(filed.row), row: filed.row } : justFiled,
    unknown: { review: UNKNOWN_REVIEW, row: filed.row },
    lookUp: async () => {
      const row = await findSignature(client, version, body.content);
      return { review: row ? reviewOfRow(row) : UNKNOWN_REVIEW, row };
    },
    warn: context.warn,
    rejected: (review) =>
      `${signatureSubject(body.content)} was rejected: ${review.reviewOpinion || "no reason given"}. ` +
      `Next: ${nextStep(review)}`,
  });
  const row = settled.row;
  return {
    ...body,
    ...controls,
    ...settled.review,
    status: "filed",
    qualificationStatus: "",
    applyId: filed.applyId || row?.applyId || "",
    rowId: row?.id ?? "",
    updateReviewStatus: row ? updateReviewOf(row) : "none",
    updateReviewOpinion: row?.updateReason ?? "",
    boundQualificationId: row?.identificationId || body.qualificationId,
    boundQualificationName: row?.identificationName || gate.qualificationName,
    reportStatus: row ? reportOfRow(row) : NOT_REPORTED,
  } satisfies Props & SignatureOutputs;
}

/** The inputs that differ from the stored ones, by property, and the properties that can only be replaced. */
function changesOf(olds: Props, news: Props) {
  const changes = changedProperties(INPUT_PROPERTIES, olds, news);
  const replaces = changes.filter(({ property }) => (REPLACING_PROPERTIES as readonly string[]).includes(property));
  return { changes, replaces: replaces.map(({ property }) => property) };
}

export const runtime: ResourceRuntime = {
  type: SIGNATURE_TYPE,

  async check(_olds, news, context) {
    const { body, controls } = inputsOf(news);
    const failures = [
      ...checkSignatureBody(body, maxContentChars(context)),
      ...checkSignatureControls(controls),
      ...(await documentFailures(body, MAX_LIST_ITEMS)),
    ];
    return { inputs: news, failures };
  },

  async diff(id, olds, news, context) {
    const { changes, replaces } = changesOf(olds, news);
    const subject = signatureSubject(id);
    const paths = listPaths(changes.flatMap(({ paths }) => paths));
    if (replaces.length > 0) {
      context.warn(
        `${subject} is replaced by "${textOf(news.content)}": a new content is a new signature (a new review), filed ` +
          "before this one is deleted",
      );
      return { changes: true, replaces, deleteBeforeReplace: false };
    }
    if (olds.status === WAITING) {
      const qualification = `qualification ${textOf(news.qualificationId)}`;
      const lastRead = textOf(olds.qualificationStatus) || "unknown";
      context.warn(
        !isKnown(news.qualificationId)
          ? `${subject} will be filed on the qualification this pulumi up files (its id is not known before), ` +
              "once that one is approved: until then it waits"
          : lastRead === "approved"
            ? `${subject} is filed by pulumi up: ${qualification} was approved when last read`
            : lastRead === "rejected" || lastRead === "closed"
              ? `${subject} cannot be filed: ${qualification} was ${lastRead} when last read, and pulumi up refuses ` +
                "it until qualificationId names a qualification that can take it"
              : `${subject} will be filed once ${qualification} is approved (it was ${lastRead} when last read): ` +
                "pulumi up files it then, and until then leaves it waiting",
      );
      return { changes: true, replaces: [], deleteBeforeReplace: false };
    }
    if (changes.length === 0) return { changes: false };
    context.warn(`${subject} is updated in place (UpdateSmsSignature; the change is reviewed): ${paths} changed`);
    return { changes: true, replaces: [], deleteBeforeReplace: false };
  },

  async create(inputs, context) {
    const { body, controls } = inputsOf(inputs);
    refuseInvalid("ApplySmsSignatureV2", body, controls, context);
    return { id: body.content, outs: await fileOrWait(body, controls, context) };
  },

  async read(id, stored, context) {
    if (stored.status === WAITING) return { id, props: await readWaiting(id, stored, context) };
    const action = "GetSignatureAndOrderList";
    const row = await lookUpSignature(context, context.clientFor(action), versionOf(context, action), id);
    const subject = signatureSubject(id);
    if (row === undefined) {
      context.warn(
        `${subject} is not on the account any more (deleted in the console?): it leaves the state. pulumi up files ` +
          "it again if the program still declares it",
      );
      return { id: "" };
    }
    const review = reviewOfRow(row);
    const change = reviewChangeLine(subject, storedReview(stored), review, nextStep);
    if (change !== undefined) context.warn(change);
    warnOfNews(subject, stored, row.purpose, row.source, reportOfRow(row), context);
    const updateReviewStatus = updateReviewOf(row);
    if (stored.updateReviewStatus !== updateReviewStatus && updateReviewStatus !== "none") {
      const reason = updateReviewStatus === "rejected" ? `: ${row.updateReason || "no reason given"}` : "";
      context.warn(`${subject}: its update is ${updateReviewStatus}${reason}`);
    }
    const props: Props = {
      ...stored,
      ...review,
      status: "filed",
      qualificationStatus: "",
      applyId: row.applyId || textOf(stored.applyId),
      rowId: row.id,
      updateReviewStatus,
      updateReviewOpinion: row.updateReason,
      boundQualificationId: row.identificationId,
      boundQualificationName: row.identificationName,
      reportStatus: reportOfRow(row),
    };
    return { id, props };
  },

  async update(id, olds, news, context) {
    const { body, controls } = inputsOf(news);
    refuseInvalid("UpdateSmsSignature", body, controls, context);
    if (olds.status === WAITING) return { outs: await fileOrWait(body, controls, context) };
    const { changes } = changesOf(olds, news);
    const outputs = Object.fromEntries(
      Object.entries(olds).filter(([key]) => !INPUT_PROPERTIES.includes(key as never)),
    );
    const { waitForApproval: _previous, ...kept } = outputs;
    if (changes.length === 0) return { outs: { ...kept, ...body, ...controls } };
    const action = "UpdateSmsSignature";
    const client = context.clientFor(action);
    if (changes.some(({ property }) => property === "qualificationId")) {
      const gate = await qualificationGate(context, client, body, action);
      if (!gate.ready) {
        throw new VolcengineError({
          kind: "input",
          action,
          code: ErrorCode.InvalidInput,
          message:
            `not updated: ${signatureSubject(id)} cannot move to qualification ${body.qualificationId} yet: ` +
            `${gate.why}; it stays on qualification ${textOf(olds.qualificationId)}`,
          hint: "run pulumi up again once the new qualification is approved",
        });
      }
    }
    await sendUpdate(
      context,
      client,
      versionOf(context, action),
      body,
      changes.map(({ property }) => property),
    );
    context.warn(`${signatureSubject(id)}: the update was sent and is reviewed; pulumi refresh shows its outcome`);
    return { outs: { ...kept, ...body, ...controls, updateReviewStatus: "reviewing", updateReviewOpinion: "" } };
  },

  async delete(id, props, context) {
    const subject = signatureSubject(id);
    if (props.status === WAITING) {
      context.warn(`${subject} was never filed (it waited for its qualification): it leaves the state only`);
      return;
    }
    const action = "DeleteSignature";
    const removal = await removeSignature(context.clientFor(action), versionOf(context, action), id);
    const said = {
      deleted: "deleted from the account",
      withdrawn: "withdrawn from review and removed from the account",
      gone: "already gone from the account",
    } as const;
    context.warn(`${subject}: ${said[removal]}; its qualification ${textOf(props.qualificationId)} stays`);
  },
};

/**
 * A waiting signature's refresh: what its qualification says now, and a line when it can be filed or never can.
 * A qualification that cannot take it does not fail the refresh, which is where the user learns of it: the line is
 * said at every refresh, as nothing moves until the program changes.
 */
async function readWaiting(content: string, stored: Props, context: Context): Promise<Props> {
  const action = "GetSignatureIdentificationList";
  const { body } = inputsOf(stored);
  const gate = await assessQualification(context, context.clientFor(action), body, action);
  if ("refused" in gate) {
    context.warn(refusalLine(gate));
    return { ...stored, qualificationStatus: gate.qualificationStatus };
  }
  if (gate.ready) {
    context.warn(
      `${signatureSubject(content)} waits for qualification ${body.qualificationId}, which is approved now: the next ` +
        "pulumi up files it",
    );
    return { ...stored, qualificationStatus: "approved" };
  }
  return { ...stored, qualificationStatus: gate.qualificationStatus };
}

/** The platform's own changes: a purpose or source it rewrote (the 2026 migration does), the carriers' filing. */
function warnOfNews(
  subject: string,
  stored: Props,
  purpose: number | undefined,
  source: number | undefined,
  report: ReportStatus,
  context: Context,
): void {
  const rewritten = [
    purpose !== undefined && purpose !== stored.purpose && `purpose ${stored.purpose} → ${purpose}`,
    source !== undefined && source !== stored.source && `source ${stored.source} → ${source}`,
  ].filter(Boolean);
  if (rewritten.length > 0) {
    context.warn(
      `${subject}: the account lists it with ${rewritten.join(" and ")}, changed by Volcengine itself (its 2026 ` +
        "migration rewrites these); nothing is replaced or sent, the state keeps what the program declares: declare " +
        "the listed values to make this line go",
    );
  }
  // The carriers' filing is said when it ends (filed, failed): that it started follows from the approval line.
  const before = (stored.reportStatus as ReportStatus | undefined)?.status ?? "not-started";
  if (before !== report.status && (report.status === "filed" || report.status === "failed")) {
    const failed = (["cmcc", "ct", "unicom"] as const)
      .filter((carrier) => report[carrier].status === "failed")
      .map((carrier) => `${carrier}: ${report[carrier].reason || "no reason given"}`);
    context.warn(
      `${subject}: carriers' filing ${before} → ${report.status}${failed.length ? ` (${failed.join("; ")})` : ""}` +
        (report.status === "filed" ? ": SMS can be sent with it now" : ""),
    );
  }
}
