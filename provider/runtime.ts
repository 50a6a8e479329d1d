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
import { warn, warnOnce } from "./diagnostics";
import { diffSignatureIdent } from "./diff";
import { inlineDocuments } from "./documents/inline";
import { documentFailures } from "./documents/verify";
import { ErrorCode, VolcengineError } from "./errors";
import type { SignedJsonClient } from "./http/client";
import { personalValuesOf, redact } from "./redact";
import { adopt, refuseWhileSameNameUnderReview, rejectionNotice, reviewAfterFiling } from "./review/filing";
import { effectSignaturesAfter, type LookUpResult, lookUpQualification } from "./review/lookup";
import { type CheckFailure, checkSignatureIdentBody } from "./schema/check";
import { checkControls } from "./schema/controls";
import { CONTROL_PROPERTIES, type ControlInputs, type SignatureIdentBody } from "./types";
import { withoutAbsent } from "./values";

type Props = Record<string, unknown>;

const PROVIDER_KEY = "__provider";
/** A replacement's changed fields are named in one line; a wholesale change should not flood the preview. */
const MAX_PATHS_SHOWN = 8;
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
    if (controls.adoptId !== undefined) {
      const adopted = await adopt(client, controls.adoptId, body);
      return { id: controls.adoptId, outs: outputsOf(body, controls, adopted) } satisfies dynamic.CreateResult;
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
    const effectSignatures = effectSignaturesAfter(looked, stored.effectSignatures);
    return { id, props: { ...stored, ...looked.review, effectSignatures } } satisfies dynamic.ReadResult;
  } finally {
    await client.close();
  }
}

function outputsOf(body: SignatureIdentBody, controls: ControlInputs, looked: LookUpResult): Props {
  return {
    ...body,
    ...controls,
    ...looked.review,
    effectSignatures: effectSignaturesAfter(looked, body.effectSignatures),
  };
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
