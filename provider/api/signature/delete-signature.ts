import type { ActionClient } from "../../http/client";
import { idToJson, stringifyJson } from "../../http/json";

export const DELETE_SIGNATURE = "DeleteSignature";

/**
 * Deletes a signature row, or withdraws an application under review (`isOrder`). Repeating it cannot delete twice:
 * a row deleted already is gone from the list, so it is retried as a read is.
 */
export async function deleteSignature(
  client: ActionClient,
  request: { version: string; rowId: string; isOrder: boolean; subAccounts: readonly string[] },
): Promise<void> {
  const body = stringifyJson({
    id: idToJson(request.rowId),
    isOrder: request.isOrder,
    subAccounts: request.subAccounts,
  });
  await client.call({ action: DELETE_SIGNATURE, version: request.version, body, repeatable: true });
}
