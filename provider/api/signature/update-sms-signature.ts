import type { ActionClient } from "../../http/client";

export const UPDATE_SMS_SIGNATURE = "UpdateSmsSignature";

const HINTS = {
  "1001":
    "Volcengine refused the change: a signature under review, or with a change under review, cannot be updated " +
    "(wait for the review and run pulumi up again; pulumi refresh shows it), and a parameter it names may be wrong",
};

/**
 * Sends a change of a signature, addressed by its content (the action has no id). Nothing was changed when it fails
 * with a vendor error; a failure after which it may have been carried out says so.
 */
export async function updateSmsSignature(
  client: ActionClient,
  request: { version: string; json: Buffer; ifAmbiguous: string },
): Promise<{ requestId: string }> {
  const { requestId } = await client.call({
    action: UPDATE_SMS_SIGNATURE,
    version: request.version,
    body: request.json,
    repeatable: false,
    ifAmbiguous: request.ifAmbiguous,
    hints: HINTS,
  });
  return { requestId };
}
