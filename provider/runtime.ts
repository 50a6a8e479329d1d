/**
 * The provider's behaviour, as it runs inside Pulumi's dynamic-provider host. The serialized provider in state is
 * only a shim that requires this module by package name (see dynamic-provider.ts), so state stays small and no
 * code, path or credential of the machine that ran the program is written into it.
 */
import { readStackConfig, resolveSettings, type ResolvedSettings, type StackSettings } from "./config";
import { documentFailures, inlineDocuments } from "./documents/on-disk";
import { diffSignatureIdent, type SignatureIdentDiff } from "./diff";
import type { SmsClient } from "./http/client";
import { VolcengineError } from "./http/errors";
import { idToJson, integerToId, stringifyJson } from "./http/json";
import { personalValuesOf, redact } from "./redact";
import { checkSignatureIdentBody, type CheckFailure } from "./schema/check";
import { INPUT_PROPERTIES, type SignatureIdentBody } from "./types";
import { withoutAbsent } from "./values";

type Props = Record<string, unknown>;

const PROVIDER_KEY = "__provider";

let stackSettings: StackSettings = {};

export async function configure(request: { config: { get(key: string): string | undefined } }): Promise<void> {
  stackSettings = readStackConfig(request.config);
}

export async function check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  let failures: CheckFailure[];
  try {
    const body = bodyOf(news);
    failures = [...checkSignatureIdentBody(body), ...(await documentFailures(body))];
  } catch (error) {
    // check must answer whatever the program passes; a failure here is ours, not the user's.
    failures = [{ property: "", reason: `the inputs could not be validated: ${redact(String(error))}` }];
  }
  return { inputs: news, failures };
}

export async function diff(_id: string, olds: Props, news: Props): Promise<SignatureIdentDiff & { deleteBeforeReplace: false }> {
  // The new qualification is filed before the old one leaves the state, so a failed filing loses nothing.
  return { ...diffSignatureIdent(olds, news), deleteBeforeReplace: false };
}

export async function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  const action = "ApplySignatureIdent";
  const body = bodyOf(inputs);
  const failures = checkSignatureIdentBody(body);
  if (failures.length > 0) {
    throw new VolcengineError({
      kind: "input", action, code: "InvalidInput",
      message: `not sent, the inputs are invalid: ${failures.map((f) => f.reason).join("; ")}`,
      hint: "fix the fields named; `pulumi preview` shows the same checks",
    });
  }
  const settings = resolveSettings(action, stackSettings);
  const sent = await inlineDocuments(body, settings.fileContentFormat);
  if (sent.problems.length > 0) {
    throw new VolcengineError({
      kind: "input", action, code: "DocumentChanged",
      message: `not sent: ${sent.problems.join("; ")}`,
      hint: "the qualification must carry the documents `pulumi preview` showed",
    });
  }
  const client = clientFor(action, settings);
  try {
    const { result, requestId, httpStatus } = await client.call(action, sent.json, {
      repeatable: false,
      // The files' content is not among them: redact() removes data URIs and long base64 runs by their shape.
      personalValues: personalValuesOf(body),
      ifAmbiguous: lookInTheConsole(body.materialName),
    });
    const id = integerToId(result.id);
    if (id === undefined) {
      throw new VolcengineError({
        kind: "response", action, code: "InvalidResponse", httpStatus, requestId,
        message: "the answer's Result.id is not an integer, so the qualification was probably filed but its id is unknown",
        hint: lookInTheConsole(body.materialName),
        mayHaveBeenFiled: true,
      });
    }
    return { id, outs: { ...body, approved: false, effectSignatures: body.effectSignatures ?? [] } };
  } finally {
    await client.close();
  }
}

export async function read(id: string, props: Props): Promise<{ id: string; props: Props }> {
  const action = "GetSignatureIdentList";
  const stored = withoutProvider(props);
  const client = clientFor(action);
  try {
    // The id goes out as a bare number token: it is int64 and may exceed 2^53.
    const body = stringifyJson({ ids: [idToJson(id)], pageIndex: 1, pageSize: 10 });
    const { result } = await client.call(action, body, { repeatable: true });
    const list = Array.isArray(result.list) ? result.list : [];
    const listed = list.find((item: any) => item && integerToId(item.id) === id);
    if (!listed) {
      // Under review or rejected: the API lists approved qualifications only. The qualification still exists.
      return { id, props: { ...stored, approved: false } };
    }
    const effectSignatures = Array.isArray(listed.effectSignatures) ? listed.effectSignatures.filter((s: unknown) => typeof s === "string") : [];
    return { id, props: { ...stored, approved: true, effectSignatures } };
  } finally {
    await client.close();
  }
}

export async function update(): Promise<never> {
  throw new Error("SmsSignatureIdent cannot be updated in place: every change files a new qualification, so diff always asks for replacement");
}

export async function remove(id: string, props: Props): Promise<void> {
  const name = typeof props.materialName === "string" ? ` "${props.materialName}"` : "";
  warn(
    `SmsSignatureIdent: qualification ${id}${name} stays on the Volcengine account: the SMS API has no delete. ` +
      `It is removed from the Pulumi state only. To remove it, delete it by hand in the Volcengine console ` +
      `(短信服务 → 资质管理, id ${id}) or ask Volcengine support.`,
  );
}

function clientFor(action: string, settings: ResolvedSettings = resolveSettings(action, stackSettings)): SmsClient {
  // Required here, not at the top: undici takes ~70 ms to load, and only create and read talk to the API, so the
  // host's first check (pulumi preview) does not wait for it.
  const { SmsClient } = require("./http/client") as typeof import("./http/client");
  return new SmsClient({
    ...settings,
    retryHooks: {
      onRetry: ({ attempt, maxAttempts, delayMs, error, reason }) =>
        warn(`SmsSignatureIdent: ${action} attempt ${attempt} of ${maxAttempts} failed (${error.code}${error.httpStatus ? `, HTTP ${error.httpStatus}` : ""}); retrying in ${delayMs} ms: ${reason}`),
    },
  });
}

/** Pulumi shows what a provider writes to stderr as diagnostics; it goes through the one redaction step. */
function warn(message: string): void {
  console.warn(redact(message));
}

function lookInTheConsole(materialName: string): string {
  return (
    `before running pulumi up again, look in the Volcengine console (短信服务 → 资质管理) for a qualification named "${materialName}" filed just now: ` +
    "running again files another one. A dynamic resource cannot be imported, so if it is there, either keep it outside Pulumi or let Pulumi file a fresh one"
  );
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
