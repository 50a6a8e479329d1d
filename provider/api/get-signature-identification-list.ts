import type { SignedJsonClient } from "../http/client";
import { idToJson, integerToId, stringifyJson } from "../http/json";

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
  client: SignedJsonClient,
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
  const list: unknown[] = Array.isArray(result.list) ? result.list : [];
  const items = list.flatMap((item) => {
    const parsed = identifiedQualificationOf(item);
    return parsed ? [parsed] : [];
  });
  const total = typeof result.total === "number" && Number.isFinite(result.total) ? result.total : items.length;
  return { items, total };
}

function identifiedQualificationOf(item: unknown): IdentifiedQualification | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const fields = item as Record<string, unknown>;
  const id = integerToId(fields.id);
  if (id === undefined) return undefined;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const integer = (value: unknown) => (typeof value === "number" && Number.isInteger(value) ? value : undefined);
  const signatures = Array.isArray(fields.effectSignatures) ? fields.effectSignatures : [];
  return {
    id,
    materialName: text(fields.materialName),
    purpose: integer(fields.purpose),
    businessCertificateName: text(fields.businessCertificateName),
    effectSignatures: signatures.filter((s): s is string => typeof s === "string"),
    auditStatus: integer(fields.auditStatus),
    auditOpinion: text(fields.auditOpinion),
    auditedAt: integer(fields.auditedAt) ?? 0,
    usable: typeof fields.usable === "boolean" ? fields.usable : undefined,
  };
}
