// Unsigned control endpoints under /__emulator/, so CLI users can drive reviews and faults with
// curl the way tests drive them through the RunningEmulator handle.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { type ActiveFault, parseFaultSpec } from "./faults";
import { jsonReply, readBody, send } from "./http-io";
import { parseQualificationStatus, type QualificationStatus } from "./review-status";
import type { CarrierOutcomes, RunningEmulator } from "./start-emulator";
import { UnknownQualificationError } from "./store/qualifications";
import { UnknownSignatureError } from "./store/signatures";
import { UnknownTemplateError } from "./store/templates";

export const ADMIN_PREFIX = "/__emulator/";
const MAX_ADMIN_BODY_BYTES = 64 * 1024;

/** What can be switched while the emulator runs. */
export interface EmulatorSettings {
  /** false: GetSignatureIdentificationList (2026-01-01) answers InvalidActionOrVersion, as for accounts without it. */
  offerIdentificationList: boolean;
  /** At most this many API requests in any one-second window, the rest FlowLimitExceeded; null = no limit. */
  rateLimitPerSecond: number | null;
  /** At most this many creations of one kind a UTC day, the rest 1027; null = no limit. */
  dailyCreationLimit: number | null;
}

/** What the admin routes steer: the handle's controls, and the faults still waiting. */
export type AdminControls = Pick<
  RunningEmulator,
  | "approve"
  | "reject"
  | "setStatus"
  | "qualifications"
  | "signatures"
  | "approveSignature"
  | "rejectSignature"
  | "setSignatureStatus"
  | "fileSignatureWithCarriers"
  | "approveSignatureUpdate"
  | "rejectSignatureUpdate"
  | "rewriteSignature"
  | "removeSignature"
  | "templates"
  | "approveSecondTemplate"
  | "rejectSecondTemplate"
  | "approveTemplate"
  | "injectFault"
  | "clearFaults"
  | "settings"
  | "configure"
  | "counters"
  | "resetCounters"
> & { activeFaults(): ActiveFault[] };

const ROUTES = [
  "POST /__emulator/approve?id=N",
  'POST /__emulator/reject?id=N     {"opinion":"the reviewer\'s reason"} (body optional)',
  'POST /__emulator/status?id=N     {"status":"closed"} or {"status":9}, optional "opinion"',
  "GET /__emulator/qualifications",
  "GET /__emulator/signatures",
  "POST /__emulator/signatures/approve?content=C",
  'POST /__emulator/signatures/reject?content=C   {"reason":"…"} (body optional)',
  'POST /__emulator/signatures/status?content=C   {"status":"closed"}, optional "reason"',
  'POST /__emulator/signatures/carriers?content=C {"cmcc":{"status":3,"reason":"…"}} (body optional: all filed)',
  "POST /__emulator/signatures/update/approve?content=C",
  'POST /__emulator/signatures/update/reject?content=C {"reason":"…"}',
  'POST /__emulator/signatures/rewrite?content=C  {"purpose":2} or {"source":1}',
  "DELETE /__emulator/signatures?content=C",
  "GET /__emulator/templates",
  "POST /__emulator/templates/approve?id=S1T_…",
  "POST /__emulator/second-templates/approve?id=S2T_…",
  'POST /__emulator/second-templates/reject?id=S2T_… {"reason":"…"}',
  "GET /__emulator/faults",
  'POST /__emulator/faults   {"kind":"throttle","times":2}',
  "DELETE /__emulator/faults",
  "GET /__emulator/settings",
  'POST /__emulator/settings {"offerIdentificationList":false,"rateLimitPerSecond":5,"dailyCreationLimit":3}',
  "GET /__emulator/counters",
  "DELETE /__emulator/counters",
];

const opinion = z.string().max(1000).optional();
const rejectBody = z.strictObject({ opinion });
const statusBody = z.strictObject({ status: z.union([z.string(), z.number()]), opinion });
const reasonBody = z.strictObject({ reason: opinion });
const signatureStatusBody = z.strictObject({ status: z.union([z.string(), z.number()]), reason: opinion });
const carrier = z.strictObject({ status: z.number().int().min(0), reason: opinion });
const carriersBody = z.strictObject({ cmcc: carrier.optional(), ct: carrier.optional(), unicom: carrier.optional() });
const rewriteBody = z.strictObject({ purpose: z.number().int().optional(), source: z.number().int().optional() });
const settingsChanges = z.strictObject({
  offerIdentificationList: z.boolean().optional(),
  rateLimitPerSecond: z.number().int().positive().nullable().optional(),
  dailyCreationLimit: z.number().int().min(0).nullable().optional(),
});

export async function handleAdminRequest(
  controls: AdminControls,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const route = `${req.method} ${url.pathname.slice(ADMIN_PREFIX.length)}`;
  const body = await readBody(req, MAX_ADMIN_BODY_BYTES);
  const answer = (status: number, value: unknown) =>
    send(res, jsonReply(status, `${JSON.stringify(value, serializeFaultTimes, 2)}\n`));
  if (body.tooLarge) return answer(413, { error: "admin request body too large" });
  const text = body.data.toString("utf8").trim();
  const json = (): unknown => (text === "" ? {} : JSON.parse(text));
  const parsed = <T>(schema: z.ZodType<T>): T => checked(schema, json(), "request body");
  const id = url.searchParams.get("id") ?? "";
  const content = url.searchParams.get("content") ?? "";
  try {
    switch (route) {
      case "POST approve":
        controls.approve(id);
        return answer(200, { ok: true, id });
      case "POST reject":
        controls.reject(id, parsed(rejectBody).opinion);
        return answer(200, { ok: true, id });
      case "POST status": {
        const change = parsed(statusBody);
        controls.setStatus(id, statusOf(change.status), change.opinion);
        return answer(200, { ok: true, id });
      }
      case "GET qualifications":
        return answer(200, controls.qualifications());
      case "GET signatures":
        return answer(200, controls.signatures());
      case "POST signatures/approve":
        controls.approveSignature(content);
        return answer(200, { ok: true, content });
      case "POST signatures/reject":
        controls.rejectSignature(content, parsed(reasonBody).reason);
        return answer(200, { ok: true, content });
      case "POST signatures/status": {
        const change = parsed(signatureStatusBody);
        controls.setSignatureStatus(content, statusOf(change.status), change.reason);
        return answer(200, { ok: true, content });
      }
      case "POST signatures/carriers":
        controls.fileSignatureWithCarriers(content, parsed(carriersBody) as CarrierOutcomes);
        return answer(200, { ok: true, content });
      case "POST signatures/update/approve":
        controls.approveSignatureUpdate(content);
        return answer(200, { ok: true, content });
      case "POST signatures/update/reject":
        controls.rejectSignatureUpdate(content, parsed(reasonBody).reason);
        return answer(200, { ok: true, content });
      case "POST signatures/rewrite":
        controls.rewriteSignature(content, parsed(rewriteBody));
        return answer(200, { ok: true, content });
      case "DELETE signatures":
        controls.removeSignature(content);
        return answer(200, { ok: true, content });
      case "GET templates":
        return answer(200, controls.templates());
      case "POST templates/approve":
        controls.approveTemplate(id);
        return answer(200, { ok: true, id });
      case "POST second-templates/approve":
        controls.approveSecondTemplate(id);
        return answer(200, { ok: true, id });
      case "POST second-templates/reject":
        controls.rejectSecondTemplate(id, parsed(reasonBody).reason);
        return answer(200, { ok: true, id });
      case "GET faults":
        return answer(200, controls.activeFaults());
      case "POST faults":
        controls.injectFault(parseFaultSpec(json()));
        return answer(200, { ok: true });
      case "DELETE faults":
        controls.clearFaults();
        return answer(200, { ok: true });
      case "GET settings":
        return answer(200, controls.settings());
      case "POST settings":
        controls.configure(json() as Partial<EmulatorSettings>);
        return answer(200, controls.settings());
      case "GET counters":
        return answer(200, controls.counters());
      case "DELETE counters":
        controls.resetCounters();
        return answer(200, { ok: true });
      default:
        return answer(404, { error: `unknown admin route ${route}`, routes: ROUTES });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = [UnknownQualificationError, UnknownSignatureError, UnknownTemplateError].some(
      (kind) => error instanceof kind,
    );
    return answer(unknown ? 404 : 400, { error: message });
  }
}

/** Checks settings changes from code or from the admin endpoint; throws with a readable message. */
export function parseSettingsChanges(input: unknown): Partial<EmulatorSettings> {
  return checked(settingsChanges, input, "settings");
}

function checked<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`invalid ${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** A status name ("closed", "status-9") or an auditStatus number; throws a readable error for anything else. */
export function statusOf(value: unknown): QualificationStatus {
  const status = parseQualificationStatus(value);
  if (status === undefined) {
    const names = "pending, approved, rejected, closed, exempted, status-<n>";
    throw new Error(`status must be one of ${names}, or an auditStatus number`);
  }
  return status;
}

function serializeFaultTimes(key: string, value: unknown): unknown {
  if ((key === "times" || key === "remaining") && value === Infinity) return "Infinity";
  return value;
}
