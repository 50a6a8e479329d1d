import type { ActionClient } from "../../http/client";
import { stringifyJson } from "../../http/json";
import { SMS_API_VERSION } from "../sms";

export const BIND_SIGNATURES_SDK = "BindSignaturesSDK";

/**
 * Adds signatures to a template: one new second-level template (and review) per signature. Binding a signature that is
 * bound already changes nothing, so the call is safe to repeat after an unknown outcome.
 */
export async function bindSignaturesSdk(
  client: ActionClient,
  request: { templateId: string; signatures: readonly string[]; subAccounts: readonly string[] },
): Promise<void> {
  const body = stringifyJson({ ...request });
  await client.call({ action: BIND_SIGNATURES_SDK, version: SMS_API_VERSION, body, repeatable: true });
}
