import { ErrorCode, VolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import { textField } from "../result";

export const APPLY_SMS_SIGNATURE_V2 = "ApplySmsSignatureV2";

/** What to do about the codes of this action that other actions mean otherwise. */
const HINTS = {
  "1003":
    "a signature with this content already exists on the account (or is under review); the provider reconciles by " +
    "listing it, so seeing this means it was filed with another qualification, purpose or source",
  "1027": "the account reached its daily limit of new signatures: run again tomorrow",
};

export interface AppliedSignature {
  /** The application's order id; the signature's own id appears in the list. */
  applyId: string;
  requestId: string;
}

/**
 * Files an SMS signature. Every filing that arrives starts a human review, so it is never repeated once it may have
 * reached Volcengine; a signature's content is unique on the account, so what happened is found by listing it.
 */
export async function applySmsSignatureV2(
  client: ActionClient,
  request: { version: string; json: Buffer; content: string; ifAmbiguous: string },
): Promise<AppliedSignature> {
  const { result, requestId, httpStatus } = await client.call({
    action: APPLY_SMS_SIGNATURE_V2,
    version: request.version,
    body: request.json,
    repeatable: false,
    ifAmbiguous: request.ifAmbiguous,
    hints: HINTS,
  });
  const applyId = textField(result.applyId) || String(result.applyId ?? "");
  if (applyId === "" || applyId === "undefined") {
    throw new VolcengineError({
      kind: "response",
      action: APPLY_SMS_SIGNATURE_V2,
      code: ErrorCode.InvalidResponse,
      httpStatus,
      requestId,
      message: `the answer has no Result.applyId, so signature "${request.content}" was probably filed`,
      hint: request.ifAmbiguous,
      mayHaveBeenFiled: true,
    });
  }
  return { applyId, requestId };
}
