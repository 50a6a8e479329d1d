import type { ActionClient } from "../../http/client";
import { idToJson, integerToId, stringifyJson } from "../../http/json";
import { integerField, pageOf, stringsField } from "../result";
import { SMS_API_VERSION } from "../sms";

export const GET_SIGNATURE_IDENT_LIST = { action: "GetSignatureIdentList", version: SMS_API_VERSION } as const;

export interface GetSignatureIdentListRequest {
  /** Decimal int64 ids. */
  ids: readonly string[];
  pageIndex: number;
  pageSize: number;
}

/** A qualification as the list shows it. The list holds approved qualifications only. */
export interface ListedSignatureIdent {
  id: string;
  materialName?: string;
  purpose?: number;
  businessCertificateName?: string;
  effectSignatures: string[];
}

/** Lists approved qualifications; a read, so it is retried like one. Items without an integer id are left out. */
export async function getSignatureIdentList(
  client: ActionClient,
  request: GetSignatureIdentListRequest,
): Promise<ListedSignatureIdent[]> {
  // Ids go out as bare number tokens: they are int64 and may exceed 2^53.
  const body = stringifyJson({
    ids: request.ids.map(idToJson),
    pageIndex: request.pageIndex,
    pageSize: request.pageSize,
  });
  const { result } = await client.call({ ...GET_SIGNATURE_IDENT_LIST, body, repeatable: true });
  return pageOf(result).items.flatMap((fields) => {
    const id = integerToId(fields.id);
    if (id === undefined) return [];
    const optionalText = (value: unknown) => (typeof value === "string" ? value : undefined);
    return [
      {
        id,
        materialName: optionalText(fields.materialName),
        purpose: integerField(fields.purpose),
        businessCertificateName: optionalText(fields.businessCertificateName),
        effectSignatures: stringsField(fields.effectSignatures),
      },
    ];
  });
}
