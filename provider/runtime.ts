/**
 * The provider's behaviour, as it runs inside Pulumi's dynamic-provider host. The serialized provider in state is
 * only a shim that requires this module by package name (see dynamic-provider.ts), so state stays small and no
 * code, path or credential of the machine that ran the program is written into it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { APPLY_SIGNATURE_IDENT, applySignatureIdent } from "./api/apply-signature-ident";
import { GET_SIGNATURE_IDENT_LIST, getSignatureIdentList } from "./api/get-signature-ident-list";
import { SMS_SERVICE } from "./api/sms";
import { type ResolvedSettings, readStackConfig, resolveSettings, type StackSettings } from "./config";
import { diffSignatureIdent } from "./diff";
import { inlineDocuments } from "./documents/inline";
import { documentFailures } from "./documents/verify";
import { ErrorCode, VolcengineError } from "./errors";
import type { SignedJsonClient } from "./http/client";
import { personalValuesOf, redact } from "./redact";
import { type CheckFailure, checkSignatureIdentBody } from "./schema/check";
import { INPUT_PROPERTIES, type SignatureIdentBody } from "./types";
import { withoutAbsent } from "./values";

type Props = Record<string, unknown>;

const PROVIDER_KEY = "__provider";

let stackSettings: StackSettings = {};

/** Takes what Pulumi's `ConfigureRequest` holds; only `config.get` is used. */
export async function configure(request: { config: { get(key: string): string | undefined } }): Promise<void> {
  stackSettings = readStackConfig(request.config);
}

export async function check(_olds: Props, news: Props) {
  let failures: CheckFailure[];
  try {
    const body = bodyOf(news);
    failures = [...checkSignatureIdentBody(body), ...(await documentFailures(body))];
  } catch (error) {
    // check must answer whatever the program passes; a failure here is ours, not the user's.
    failures = [{ property: "", reason: `the inputs could not be validated: ${redact(String(error))}` }];
  }
  return { inputs: news, failures } satisfies dynamic.CheckResult;
}

export async function diff(_id: string, olds: Props, news: Props) {
  // The new qualification is filed before the old one leaves the state, so a failed filing loses nothing.
  return { ...diffSignatureIdent(olds, news), deleteBeforeReplace: false } satisfies dynamic.DiffResult;
}

export async function create(inputs: Props) {
  const { action } = APPLY_SIGNATURE_IDENT;
  const body = bodyOf(inputs);
  const failures = checkSignatureIdentBody(body);
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
  const client = clientFor(action, settings);
  try {
    const request = { json: sent.json, materialName: body.materialName, personalValues: personalValuesOf(body) };
    const { id } = await applySignatureIdent(client, request);
    const outs = { ...body, approved: false, effectSignatures: body.effectSignatures ?? [] };
    return { id, outs } satisfies dynamic.CreateResult;
  } finally {
    await client.close();
  }
}

export async function read(id: string, props: Props) {
  const stored = withoutProvider(props);
  const client = clientFor(GET_SIGNATURE_IDENT_LIST.action);
  try {
    const list = await getSignatureIdentList(client, { ids: [id], pageIndex: 1, pageSize: 10 });
    const listed = list.find((item) => item.id === id);
    // Under review or rejected: the API lists approved qualifications only. The qualification still exists.
    const props = listed
      ? { ...stored, approved: true, effectSignatures: listed.effectSignatures }
      : { ...stored, approved: false };
    return { id, props } satisfies dynamic.ReadResult;
  } finally {
    await client.close();
  }
}

export async function update(): Promise<never> {
  throw new Error(
    "SmsSignatureIdent cannot be updated in place: every change files a new qualification, so diff always asks for replacement",
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

function clientFor(
  action: string,
  settings: ResolvedSettings = resolveSettings(action, stackSettings),
): SignedJsonClient {
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
          `SmsSignatureIdent: ${action} attempt ${attempt} of ${maxAttempts} failed (${error.code}${status}); ` +
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

function withoutProvider(props: Props): Props {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

/** The request body: the input properties only, without absent values (null and undefined mean "not set"). */
function bodyOf(props: Props): SignatureIdentBody {
  const body: Props = {};
  for (const key of Object.keys(props)) {
    if (key === PROVIDER_KEY) continue;
    if (!(INPUT_PROPERTIES as readonly string[]).includes(key)) {
      body[key] = props[key]; // kept so check reports it as an unknown property
      continue;
    }
    const value = withoutAbsent(props[key]);
    if (value !== undefined) body[key] = value;
  }
  return body as unknown as SignatureIdentBody;
}
