import type { ActionClient } from "../../http/client";
import { integerToId } from "../../http/json";
import { booleanField, type Fields, integerField, isFields, pageOf, stringsField, textField } from "../result";

export const GET_SIGNATURE_AND_ORDER_LIST = "GetSignatureAndOrderList";

/** The most the action returns in one page. */
export const SIGNATURE_LIST_PAGE_SIZE = 100;

export interface CarrierFiling {
  /** The vendor's number (see resources/signature/status.ts). */
  status?: number;
  reason: string;
}

/** A row of the list: an application under review (`isOrder`), or a signature. */
export interface SignatureRow {
  /** The row's id (int64, decimal): what DeleteSignature takes. It changes when an order becomes a signature. */
  id: string;
  applyId: string;
  content: string;
  status?: number;
  reason: string;
  isOrder: boolean;
  source?: number;
  purpose?: number;
  identificationId: string;
  identificationName: string;
  subAccounts: string[];
  channelTypes: string[];
  usable?: boolean;
  updateStatus?: number;
  updateReason: string;
  /** Unix seconds; 0 when not yet. */
  auditedAt: number;
  reportStatus: { status?: number; cmcc: CarrierFiling; ct: CarrierFiling; unicom: CarrierFiling };
}

export interface SignatureListRequest {
  version: string;
  /** A content filter (the API matches parts of it: callers compare contents themselves). */
  signature?: string;
  pageIndex: number;
  pageSize: number;
}

/** One page of the account's signatures and orders; a read, retried like one. Rows without an id are left out. */
export async function getSignatureAndOrderList(
  client: ActionClient,
  request: SignatureListRequest,
): Promise<{ rows: SignatureRow[]; total: number }> {
  const query: Record<string, string> = { pageIndex: String(request.pageIndex), pageSize: String(request.pageSize) };
  if (request.signature !== undefined) query.signature = request.signature;
  const { result } = await client.call({
    action: GET_SIGNATURE_AND_ORDER_LIST,
    version: request.version,
    method: "GET",
    query,
    repeatable: true,
  });
  const page = pageOf(result);
  return { rows: page.items.flatMap((fields) => rowOf(fields) ?? []), total: page.total };
}

function rowOf(fields: Fields): SignatureRow | undefined {
  const id = integerToId(fields.id);
  if (id === undefined) return undefined;
  const report = isFields(fields.reportStatus) ? fields.reportStatus : {};
  const carrier = (value: unknown): CarrierFiling =>
    isFields(value) ? { status: integerField(value.status), reason: textField(value.reason) } : { reason: "" };
  return {
    id,
    applyId: textField(fields.applyId) || (integerToId(fields.applyId) ?? ""),
    content: textField(fields.content),
    status: integerField(fields.status),
    reason: textField(fields.reason),
    isOrder: fields.isOrder === true,
    source: integerField(fields.source),
    purpose: integerField(fields.purpose),
    identificationId: integerToId(fields.identificationID) ?? "",
    identificationName: textField(fields.identificationName),
    subAccounts: stringsField(fields.subAccounts),
    channelTypes: stringsField(fields.channelTypes),
    usable: booleanField(fields.usable),
    updateStatus: integerField(fields.updateStatus),
    updateReason: textField(fields.updateReason),
    auditedAt: integerField(fields.auditedAt) ?? 0,
    reportStatus: {
      status: integerField(report.status),
      cmcc: carrier(report.cmcc),
      ct: carrier(report.ct),
      unicom: carrier(report.unicom),
    },
  };
}
