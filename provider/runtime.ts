/**
 * The provider's behaviour, as it runs inside Pulumi's dynamic-provider host. The serialized provider in state is
 * only a shim that requires this module by package name (see dynamic-provider.ts), so state stays small and no
 * code, path or credential of the machine that ran the program is written into it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { APPLY_SIGNATURE_IDENT, applySignatureIdent } from "./api/apply-signature-ident";
import { GET_SIGNATURE_IDENTIFICATION_LIST } from "./api/get-signature-identification-list";
import { SMS_SERVICE } from "./api/sms";
import { readStackConfig, resolveSettings, type StackSettings } from "./config";
import { diffSignatureIdent } from "./diff";
import { inlineDocuments } from "./documents/inline";
import { documentFailures } from "./documents/verify";
import { ErrorCode, VolcengineError } from "./errors";
import type { SignedJsonClient } from "./http/client";
import { personalValuesOf, redact } from "./redact";
import { idsUnderReviewNamed, type ListedQualification, type LookUpResult, lookUpQualification } from "./review/lookup";
import type { Review } from "./review/status";
import { duration, waitForReview } from "./review/wait";
import { type CheckFailure, checkSignatureIdentBody } from "./schema/check";
import { checkControls } from "./schema/controls";
import { CONTROL_PROPERTIES, type ControlInputs, type SignatureIdentBody, type WaitForApproval } from "./types";
import { withoutAbsent } from "./values";

type Props = Record<string, unknown>;

const PROVIDER_KEY = "__provider";
const DEFAULT_POLL_SECONDS = 30;
/** A replacement's changed fields are named in one line; a wholesale change should not flood the preview. */
const MAX_PATHS_SHOWN = 8;
/** When the status could not be read while waiting: the qualification exists, its review is not known. */
const UNREAD_REVIEW: Review = {
  reviewStatus: "unknown",
  reviewOpinion: "",
  reviewedAt: "",
  usable: false,
  approved: false,
};
const JUST_FILED: Review = { ...UNREAD_REVIEW, reviewStatus: "reviewing" };

let stackSettings: StackSettings = {};

/** Takes what Pulumi's `ConfigureRequest` holds; only `config.get` is used. */
export async function configure(request: { config: { get(key: string): string | undefined } }): Promise<void> {
  stackSettings = readStackConfig(request.config);
}

export async function check(_olds: Props, news: Props) {
  let failures: CheckFailure[];
  try {
    const { body, controls } = splitInputs(news);
    failures = [...checkSignatureIdentBody(body), ...checkControls(controls), ...(await documentFailures(body))];
  } catch (error) {
    // check must answer whatever the program passes; a failure here is ours, not the user's.
    failures = [{ property: "", reason: `the inputs could not be validated: ${redact(String(error))}` }];
  }
  return { inputs: news, failures } satisfies dynamic.CheckResult;
}

export async function diff(id: string, olds: Props, news: Props) {
  const { changes, replaces, changedPaths } = diffSignatureIdent(id, olds, news);
  if (changes) {
    const name = typeof olds.materialName === "string" ? ` "${olds.materialName}"` : "";
    const fields =
      changedPaths.length > MAX_PATHS_SHOWN
        ? `${changedPaths.slice(0, MAX_PATHS_SHOWN).join(", ")} and ${changedPaths.length - MAX_PATHS_SHOWN} more`
        : changedPaths.join(", ");
    warn(`SmsSignatureIdent: qualification ${id}${name} is replaced (a new filing, a new review): ${fields} changed`);
  }
  // The new qualification is filed before the old one leaves the state, so a failed filing loses nothing.
  return { changes, replaces, deleteBeforeReplace: false } satisfies dynamic.DiffResult;
}

export async function create(inputs: Props) {
  const { action } = APPLY_SIGNATURE_IDENT;
  const { body, controls } = splitInputs(inputs);
  const failures = [...checkSignatureIdentBody(body), ...checkControls(controls)];
  if (failures.length > 0) {
    throw new VolcengineError({
      kind: "input",
      action,
      code: ErrorCode.InvalidInput,
      message: `not sent, the inputs are invalid: ${failures.map((f) => f.reason).join("; ")}`,
      hint: "fix the fields named; `pulumi preview` shows the same checks",
    });
  }
  const settings = resolveSettings(action, stackSettings);
  const client = clientFor(action, settings);
  try {
    if (controls.adoptId !== undefined) return await adopt(client, controls.adoptId, body, controls);
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
    if (controls.allowDuplicateName !== true) await refuseWhileSameNameUnderReview(client, body.materialName);
    const request = { json: sent.json, materialName: body.materialName, personalValues: personalValuesOf(body) };
    const { id } = await applySignatureIdent(client, request);
    // The qualification exists from here on: nothing below may fail the create, or Pulumi would lose its id.
    const looked = await reviewAfterFiling(client, id, body.materialName, controls.waitForApproval);
    return { id, outs: outputsOf(body, controls, looked) } satisfies dynamic.CreateResult;
  } finally {
    await client.close();
  }
}

export async function read(id: string, props: Props) {
  const stored = withoutProvider(props);
  const client = clientFor(GET_SIGNATURE_IDENTIFICATION_LIST.action);
  try {
    const looked = await lookUpQualification(client, id, warnOnce);
    const name = typeof stored.materialName === "string" ? stored.materialName : "";
    if (looked.review.reviewStatus === "rejected") warn(rejectionNotice(id, name, looked.review.reviewOpinion));
    if (looked.conclusive && !looked.listed) {
      warn(
        `SmsSignatureIdent: qualification ${id} "${name}" is not listed by the account (deleted in the console?). ` +
          "It stays in the state; if it is gone for good, `pulumi state delete` the resource or let a change " +
          "file a new one.",
      );
    }
    // A qualification is never dropped from the state for its review state: it exists until someone deletes it.
    const effectSignatures =
      looked.review.approved && looked.listed ? looked.listed.effectSignatures : (stored.effectSignatures ?? []);
    return { id, props: { ...stored, ...looked.review, effectSignatures } } satisfies dynamic.ReadResult;
  } finally {
    await client.close();
  }
}

/** Records an existing qualification instead of filing one, once the account shows the inputs describe it. */
async function adopt(client: SignedJsonClient, id: string, body: SignatureIdentBody, controls: ControlInputs) {
  const action = "adoptId";
  const looked = await lookUpQualification(client, id, warnOnce);
  if (!looked.listed) {
    throw new VolcengineError({
      kind: "input",
      action,
      code: ErrorCode.AdoptNotFound,
      message: looked.conclusive
        ? `qualification ${id} is not listed by this account; nothing was recorded`
        : `qualification ${id} is not listed as approved, and this account's API lists approved qualifications ` +
          "only; nothing was recorded",
      hint: "check the id with `npx pulumi-volcengine-sms qualifications` (or the console: 短信服务 → 资质管理)",
    });
  }
  const mismatches = adoptionMismatches(looked.listed, body);
  if (mismatches.length > 0) {
    throw new VolcengineError({
      kind: "input",
      action,
      code: ErrorCode.AdoptMismatch,
      message: `qualification ${id} is not the one these inputs describe: ${mismatches.join("; ")}; nothing recorded`,
      hint: "set adoptId to the qualification these inputs describe, or make the inputs match it",
    });
  }
  if (looked.review.reviewStatus === "rejected")
    warn(rejectionNotice(id, body.materialName, looked.review.reviewOpinion));
  return { id, outs: outputsOf(body, controls, looked) } satisfies dynamic.CreateResult;
}

function adoptionMismatches(listed: ListedQualification, body: SignatureIdentBody): string[] {
  const compared: [string, unknown, unknown][] = [
    ["materialName", listed.materialName, body.materialName],
    [
      "businessInfo.businessCertificateName",
      listed.businessCertificateName,
      body.businessInfo?.businessCertificateName,
    ],
    ["purpose", listed.purpose, body.purpose],
  ];
  return compared
    .filter(([, there, here]) => there !== undefined && there !== here)
    .map(([field, there, here]) => `${field} is ${JSON.stringify(there)} there, ${JSON.stringify(here)} here`);
}

async function refuseWhileSameNameUnderReview(client: SignedJsonClient, materialName: string): Promise<void> {
  const ids = await idsUnderReviewNamed(client, materialName, warnOnce);
  if (ids === undefined || ids.length === 0) return;
  throw new VolcengineError({
    kind: "input",
    action: APPLY_SIGNATURE_IDENT.action,
    code: ErrorCode.DuplicateUnderReview,
    message:
      `not filed: a qualification named "${materialName}" is already under review (id ${ids.join(", ")}), and ` +
      "filing again would start a second review of the same company",
    hint:
      `if it is the one an interrupted pulumi up filed, set adoptId: "${ids[0]}" on this resource and run pulumi up ` +
      "(that records it, filing nothing). If a second qualification is really meant, set allowDuplicateName: true. " +
      "A replacement that keeps the name while the old one is under review is refused too: wait for the review, " +
      "change materialName, or set allowDuplicateName: true",
  });
}

/** The status after filing, or after waiting for the review; a failure to learn it never fails the create. */
async function reviewAfterFiling(
  client: SignedJsonClient,
  id: string,
  materialName: string,
  wait: WaitForApproval | undefined,
): Promise<LookUpResult> {
  // A qualification just filed is under review: asking would cost a request per create and tell nothing new.
  if (!wait) return { review: JUST_FILED, conclusive: false };
  const lookUp = () => lookUpQualification(client, id, warnOnce);
  const label = `SmsSignatureIdent: qualification ${id} "${materialName}"`;
  try {
    warn(`${label} filed; waiting up to ${duration(wait.timeoutSeconds * 1000)} for its review`);
    const outcome = await waitForReview({
      timeoutMs: wait.timeoutSeconds * 1000,
      pollMs: (wait.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000,
      lookUp,
      progress: (message) => warn(`${label}: ${message}`),
    });
    const { review } = outcome.result;
    if (outcome.timedOut) {
      warn(
        `${label} is still ${review.reviewStatus} after ${duration(outcome.waitedMs)}: the wait ended, the ` +
          "qualification is recorded and its review goes on; run pulumi refresh later to see the outcome",
      );
    } else if (review.reviewStatus === "rejected") {
      warn(rejectionNotice(id, materialName, review.reviewOpinion));
    } else {
      warn(`${label} is ${review.reviewStatus} after ${duration(outcome.waitedMs)}`);
    }
    return outcome.result;
  } catch (error) {
    warn(
      `${label} was filed, but its review status could not be read (${redact(errorMessage(error))}); it is ` +
        "recorded in the state: run pulumi refresh later",
    );
    return { review: UNREAD_REVIEW, conclusive: false };
  }
}

function rejectionNotice(id: string, materialName: string, opinion: string): string {
  return (
    `SmsSignatureIdent: qualification ${id} "${materialName}" was rejected` +
    `${opinion ? `: ${opinion}` : " (no reason given)"}. Fix the inputs the reason names; pulumi up then files ` +
    "a new qualification (a replacement), and this one stays on the account."
  );
}

function outputsOf(body: SignatureIdentBody, controls: ControlInputs, looked: LookUpResult): Props {
  const declared = body.effectSignatures ?? [];
  const effectSignatures = looked.review.approved && looked.listed ? looked.listed.effectSignatures : declared;
  return { ...body, ...controls, ...looked.review, effectSignatures };
}

export async function update(): Promise<never> {
  throw new Error(
    "SmsSignatureIdent cannot be updated in place: every change files a new qualification, so diff always asks for " +
      "replacement",
  );
}

export async function remove(id: string, props: Props): Promise<void> {
  const name = typeof props.materialName === "string" ? ` "${props.materialName}"` : "";
  warn(
    `SmsSignatureIdent: qualification ${id}${name} stays on the Volcengine account: the SMS API has no delete. ` +
      `It is removed from the Pulumi state only. To remove it, delete it by hand in the Volcengine console ` +
      `(短信服务 → 资质管理, id ${id}) or ask Volcengine support.`,
  );
}

function clientFor(action: string, settings = resolveSettings(action, stackSettings)): SignedJsonClient {
  // Required here, not at the top: undici takes ~70 ms to load, and only create and read talk to the API, so the
  // host's first check (pulumi preview) does not wait for it.
  const { SignedJsonClient } = require("./http/client") as typeof import("./http/client");
  return new SignedJsonClient({
    ...settings,
    service: SMS_SERVICE,
    report: (line) => warn(`SmsSignatureIdent: ${line}`),
    retryHooks: {
      onRetry: ({ attempt, maxAttempts, delayMs, error, reason }) => {
        const status = error.httpStatus ? `, HTTP ${error.httpStatus}` : "";
        warn(
          `SmsSignatureIdent: ${error.action} attempt ${attempt} of ${maxAttempts} failed (${error.code}${status}); ` +
            `retrying in ${delayMs} ms: ${reason}`,
        );
      },
    },
  });
}

/** Pulumi shows what a provider writes to stderr as diagnostics; it goes through the one redaction step. */
function warn(message: string): void {
  console.warn(redact(message));
}

const noticesGiven = new Set<string>();
/** For what holds for the whole provider process (the account lacks an action): said once, not per resource. */
function warnOnce(message: string): void {
  if (noticesGiven.has(message)) return;
  noticesGiven.add(message);
  warn(message);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withoutProvider(props: Props): Props {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

/**
 * The request body (the input properties, without absent values: null and undefined mean "not set") and the inputs
 * that steer the provider. Any other key stays in the body, so check reports it as an unknown property.
 */
function splitInputs(props: Props): { body: SignatureIdentBody; controls: ControlInputs & Props } {
  const body: Props = {};
  const controls: Props = {};
  for (const key of Object.keys(props)) {
    if (key === PROVIDER_KEY) continue;
    const value = withoutAbsent(props[key]);
    if (value === undefined) continue;
    if ((CONTROL_PROPERTIES as readonly string[]).includes(key)) controls[key] = value;
    else body[key] = value;
  }
  return { body: body as unknown as SignatureIdentBody, controls };
}
