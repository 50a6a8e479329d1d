// Unsigned control endpoints under /__emulator/, so CLI users can drive reviews and faults with
// curl the way tests drive them through the RunningEmulator handle.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ActiveFault } from "./faults";
import { jsonReply, readBody, send } from "./http-io";
import { UnknownQualificationError } from "./store";

export const ADMIN_PREFIX = "/__emulator/";
const MAX_ADMIN_BODY_BYTES = 64 * 1024;

export interface AdminControls {
  approve(id: string): void;
  reject(id: string): void;
  qualifications(): unknown[];
  injectFault(fault: unknown): void;
  clearFaults(): void;
  activeFaults(): ActiveFault[];
}

const ROUTES = [
  "POST /__emulator/approve?id=N",
  "POST /__emulator/reject?id=N",
  "GET /__emulator/qualifications",
  "GET /__emulator/faults",
  'POST /__emulator/faults   {"kind":"throttle","times":2}',
  "DELETE /__emulator/faults",
];

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
  try {
    switch (route) {
      case "POST approve":
      case "POST reject": {
        const id = url.searchParams.get("id") ?? "";
        if (route === "POST approve") controls.approve(id);
        else controls.reject(id);
        return answer(200, { ok: true, id });
      }
      case "GET qualifications":
        return answer(200, controls.qualifications());
      case "GET faults":
        return answer(200, controls.activeFaults());
      case "POST faults": {
        if (body.tooLarge) return answer(413, { error: "fault description too large" });
        controls.injectFault(JSON.parse(body.data.toString("utf8")) as unknown);
        return answer(200, { ok: true });
      }
      case "DELETE faults":
        controls.clearFaults();
        return answer(200, { ok: true });
      default:
        return answer(404, { error: `unknown admin route ${route}`, routes: ROUTES });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return answer(error instanceof UnknownQualificationError ? 404 : 400, { error: message });
  }
}

function serializeFaultTimes(key: string, value: unknown): unknown {
  if ((key === "times" || key === "remaining") && value === Infinity) return "Infinity";
  return value;
}
