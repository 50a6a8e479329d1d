import type { ActionClient } from "../../http/client";
import { idToJson, integerToId, stringifyJson } from "../../http/json";
import { booleanField, type Fields, integerField, pageOf, stringsField, textField } from "../result";

/** The newer list action: every review state, with the reviewer's reason. Not offered by every account. */
export const GET_SIGNATURE_IDENTIFICATION_LIST = {
  action: "GetSignatureIdentificationList",
  version: "2026-01-01",
} as const;

/** The most the action returns in one page. */
export const IDENTIFICATION_LIST_PAGE_SIZE = 100;

export interface GetSignatureIdentificationListRequest {
  pageIndex: number;
  pageSize: number;
  /** One decimal int64 id. */
  id?: string;
  /** The API matches it as a substring: callers compare names themselves. */
  materialName?: string;
  /** auditStatus values. */
  status?: readonly number[];
}

/** A qualification as the newer list shows it. */
export interface IdentifiedQualification {
  id: string;
  materialName: string;
  purpose?: number;
  businessCertificateName: string;
  effectSignatures: string[];
  /** The vendor's review state number; see review/status.ts for what it means. */
  auditStatus?: number;
  /** The reviewer's reason; "" when none. */
  auditOpinion: string;
  /** Unix seconds; 0 when not reviewed yet. */
  auditedAt: number;
  usable?: boolean;
}

export interface IdentificationListPage {
  items: IdentifiedQualification[];
  total: number;
}

/** Lists qualifications in every review state; a read, so it is retried like one. Items without an id are left out. */
export async function getSignatureIdentificationList(
  client: ActionClient,
  request: GetSignatureIdentificationListRequest,
): Promise<IdentificationListPage> {
  const body = stringifyJson({
    pageIndex: request.pageIndex,
    pageSize: request.pageSize,
    ...(request.id === undefined ? {} : { id: idToJson(request.id) }),
    ...(request.materialName === undefined ? {} : { materialName: request.materialName }),
    ...(request.status === undefined ? {} : { status: request.status }),
  });
  const { result } = await client.call({ ...GET_SIGNATURE_IDENTIFICATION_LIST, body, repeatable: true });
  const page = pageOf(result);
  const items = page.items.flatMap((fields) => {
    const parsed = identifiedQualificationOf(fields);
    return parsed ? [parsed] : [];
  });
  return { items, total: page.total };
}

function identifiedQualificationOf(fields: Fields): IdentifiedQualification | undefined {
  const id = integerToId(fields.id);
  if (id === undefined) return undefined;
  return {
    id,
    materialName: textField(fields.materialName),
    purpose: integerField(fields.purpose),
    businessCertificateName: textField(fields.businessCertificateName),
    effectSignatures: stringsField(fields.effectSignatures),
    auditStatus: integerField(fields.auditStatus),
    auditOpinion: textField(fields.auditOpinion),
    auditedAt: integerField(fields.auditedAt) ?? 0,
    usable: booleanField(fields.usable),
  };
}
