import { ErrorCode, VolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import { integerToId } from "../../http/json";
import { SMS_API_VERSION } from "../sms";

export const APPLY_SIGNATURE_IDENT = { action: "ApplySignatureIdent", version: SMS_API_VERSION } as const;

/** What to do about the codes of this action that other actions mean otherwise. */
const HINTS = { "1027": "the account reached its daily limit of new qualifications: run again tomorrow" };

export interface ApplySignatureIdentRequest {
  /** The body as UTF-8 JSON, files inline (see documents/inline.ts). */
  json: Buffer;
  /** Names the qualification in the hint when the filing may have happened unseen. */
  materialName: string;
  /** ID numbers and mobiles of the body, kept out of messages even if the vendor echoes them. */
  personalValues: readonly string[];
}

export interface AppliedSignatureIdent {
  /** The new qualification's id: int64, as a decimal string. */
  id: string;
  requestId: string;
}

/**
 * Files a qualification. Every filing that arrives starts a human review, so it is never repeated once it may have
 * reached Volcengine: such a failure says so (`mayHaveBeenFiled`) and where to look.
 */
export async function applySignatureIdent(
  client: ActionClient,
  request: ApplySignatureIdentRequest,
): Promise<AppliedSignatureIdent> {
  const { action } = APPLY_SIGNATURE_IDENT;
  const { result, requestId, httpStatus } = await client.call({
    ...APPLY_SIGNATURE_IDENT,
    body: request.json,
    repeatable: false,
    // The files' content is not among them: redact() removes data URIs and long base64 runs by their shape.
    personalValues: request.personalValues,
    ifAmbiguous: lookInTheConsole(request.materialName),
    hints: HINTS,
  });
  const id = integerToId(result.id);
  if (id === undefined) {
    throw new VolcengineError({
      kind: "response",
      action,
      code: ErrorCode.InvalidResponse,
      httpStatus,
      requestId,
      message:
        "the answer's Result.id is not an integer, so the qualification was probably filed but its id is unknown",
      hint: lookInTheConsole(request.materialName),
      mayHaveBeenFiled: true,
    });
  }
  return { id, requestId };
}

/** What to do when a filing may have happened without us learning its id. */
function lookInTheConsole(materialName: string): string {
  return (
    "before running pulumi up again, look for a qualification named " +
    `"${materialName}" filed just now: \`npx pulumi-volcengine-sms qualifications --name "${materialName}"\` lists ` +
    "them (or the console: 短信服务 → 资质管理). If it is there, set adoptId to its id on this resource and run " +
    "pulumi up: that records it without filing again. pulumi up also refuses to file while one of that name is " +
    "under review"
  );
}
