// The signature actions (account-level, Version 2025-01-01; the npm, Python and PHP SDKs send 2021-01-11 for the
// same actions, so both are routed).
import { BusinessError, invalidParameter } from "../business-error";
import { auditStatusCode, isUsable } from "../review-status";
import type { EmulatorStore } from "../store";
import type { Signature } from "../store/signatures";
import {
  validateApplySmsSignature,
  validateDeleteSignature,
  validateGetSignatureAndOrderList,
  validateUpdateSmsSignature,
} from "../validate/signature";
import { type ActionRoute, POST, page, SUCCESS } from "./route";

export const SIGNATURE_API_VERSIONS = ["2025-01-01", "2021-01-11"];

export const SIGNATURE_ROUTES = {
  ApplySmsSignatureV2: {
    versions: SIGNATURE_API_VERSIONS,
    methods: POST,
    creates: "signature",
    handle(body, store) {
      const { content, fields } = validateApplySmsSignature(body);
      requireQualification(store, fields.qualificationId, fields.purpose);
      // 1003 comes before the daily limit: a content already there is no creation.
      if (store.signatures.find(content)) throw new BusinessError("1003", "signature already existed");
      store.admitCreation("signature");
      const signature = store.signatures.apply(content, fields);
      return { applyId: signature.applyId, status: 1, reason: "" };
    },
  },

  GetSignatureAndOrderList: {
    versions: SIGNATURE_API_VERSIONS,
    methods: ["GET", "POST"],
    query: { integers: ["status", "pageIndex", "pageSize"], lists: ["subAccounts"] },
    handle(params, store) {
      const query = validateGetSignatureAndOrderList(params);
      const matching = store.signatures
        .all()
        .filter(
          (s) =>
            (query.signature === undefined || s.content.includes(query.signature)) &&
            (query.status === undefined || auditStatusCode(s.status) === query.status) &&
            (query.subAccounts === undefined || query.subAccounts.some((a) => s.subAccounts.includes(a))),
        );
      return page(matching, query, (s) => signatureListItem(s, store));
    },
  },

  UpdateSmsSignature: {
    versions: SIGNATURE_API_VERSIONS,
    // The npm SDK sends it as PUT.
    methods: ["POST", "PUT"],
    handle(body, store) {
      const { content, changes, updateType } = validateUpdateSmsSignature(body);
      const signature = store.signatures.find(content);
      if (changes.qualificationId !== undefined) {
        requireQualification(store, changes.qualificationId, changes.purpose ?? signature?.purpose ?? 0);
      }
      store.signatures.update(content, changes, updateType);
      return SUCCESS;
    },
  },

  DeleteSignature: {
    versions: SIGNATURE_API_VERSIONS,
    methods: POST,
    handle(body, store) {
      const { rowId, isOrder } = validateDeleteSignature(body);
      store.signatures.deleteRow(rowId, isOrder);
      return SUCCESS;
    },
  },
} satisfies Record<string, ActionRoute>;

/** A signature is taken only on a usable (approved or exempted) qualification of its purpose. */
function requireQualification(store: EmulatorStore, id: bigint, purpose: number): void {
  const qualification = store.qualifications.find(id);
  if (!qualification) throw invalidParameter("signatureIdentificationID does not match any qualification");
  if (!isUsable(qualification.status))
    throw invalidParameter("signatureIdentificationID: the qualification is not approved");
  if (qualification.purpose !== purpose) {
    throw invalidParameter("purpose must be the purpose of the qualification signatureIdentificationID names");
  }
}

function signatureListItem(s: Signature, store: EmulatorStore) {
  const seconds = (date: Date | null) => (date === null ? 0 : Math.floor(date.getTime() / 1000));
  return {
    id: s.rowId.toString(),
    applyId: s.applyId,
    content: s.content,
    status: auditStatusCode(s.status),
    reason: s.reason,
    isOrder: s.isOrder,
    source: s.source,
    purpose: s.purpose,
    identificationID: s.qualificationId,
    identificationName: store.qualifications.find(s.qualificationId)?.materialName ?? "",
    subAccounts: [...s.subAccounts],
    channelTypes: [...s.channelTypes],
    desc: s.desc,
    scene: s.scene,
    domain: s.domain,
    usable: isUsable(s.status),
    updateStatus: s.updateStatus,
    updateReason: s.updateReason,
    auditedAt: seconds(s.reviewedAt),
    createdTime: seconds(s.createdAt),
    reportStatus: structuredClone(s.report),
  };
}
