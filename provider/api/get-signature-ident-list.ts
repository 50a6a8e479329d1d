import type { SignedJsonClient } from "../http/client";
import { idToJson, integerToId, stringifyJson } from "../http/json";
import { SMS_API_VERSION } from "./sms";

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
  client: SignedJsonClient,
  request: GetSignatureIdentListRequest,
): Promise<ListedSignatureIdent[]> {
  // Ids go out as bare number tokens: they are int64 and may exceed 2^53.
  const body = stringifyJson({
    ids: request.ids.map(idToJson),
    pageIndex: request.pageIndex,
    pageSize: request.pageSize,
  });
  const { result } = await client.call({ ...GET_SIGNATURE_IDENT_LIST, body, repeatable: true });
  const list: unknown[] = Array.isArray(result.list) ? result.list : [];
  const listed: ListedSignatureIdent[] = [];
  for (const item of list) {
    if (typeof item !== "object" || item === null) continue;
    const fields = item as Record<string, unknown>;
    const exactId = integerToId(fields.id);
    if (exactId === undefined) continue;
    const signatures = Array.isArray(fields.effectSignatures) ? fields.effectSignatures : [];
    listed.push({
      id: exactId,
      materialName: typeof fields.materialName === "string" ? fields.materialName : undefined,
      purpose: typeof fields.purpose === "number" ? fields.purpose : undefined,
      businessCertificateName:
        typeof fields.businessCertificateName === "string" ? fields.businessCertificateName : undefined,
      effectSignatures: signatures.filter((s): s is string => typeof s === "string"),
    });
  }
  return listed;
}
