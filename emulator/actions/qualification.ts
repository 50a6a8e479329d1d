// The qualification actions of the SMS service, acting on the store, each under the Version and HTTP methods the
// gateway routes it by. Each returns the envelope's Result or throws a BusinessError.
import { BusinessError, invalidParameter } from "../business-error";
import { auditStatusCode, isUsable } from "../review-status";
import type { EmulatorStore } from "../store";
import type { Qualification } from "../store/qualifications";
import {
  validateApplySignatureIdent,
  validateBatchBindSignatureIdent,
  validateGetSignatureIdentificationList,
  validateGetSignatureIdentList,
  validateUpdateSignatureIdent,
} from "../validate/qualification";
import { type ActionRoute, POST, page, SUCCESS } from "./route";

export const QUALIFICATION_API_VERSION = "2021-01-11";
export const IDENTIFICATION_LIST_VERSION = "2026-01-01";

export const QUALIFICATION_ROUTES = {
  ApplySignatureIdent: {
    versions: [QUALIFICATION_API_VERSION],
    methods: POST,
    creates: "qualification",
    handle(body, store) {
      const command = validateApplySignatureIdent(body);
      store.admitCreation("qualification");
      return { id: store.qualifications.create(command).id };
    },
  },

  GetSignatureIdentList: {
    versions: [QUALIFICATION_API_VERSION],
    // The vendor's Go, Java and PHP SDKs send it as GET with the JSON body, its npm SDK as GET with the parameters in
    // the query; Python sends POST.
    methods: ["POST", "GET"],
    query: { integers: ["ids", "pageIndex", "pageSize"], lists: ["ids"] },
    handle(body, store) {
      const query = validateGetSignatureIdentList(body);
      const wanted = query.ids && new Set(query.ids);
      const approved = store.qualifications
        .all()
        .filter((q) => q.status === "approved" && (!wanted || wanted.has(q.id)));
      return page(approved, query, identListItem);
    },
  },

  GetSignatureIdentificationList: {
    versions: [IDENTIFICATION_LIST_VERSION],
    methods: POST,
    handle(body, store) {
      const query = validateGetSignatureIdentificationList(body);
      // materialName matches as a substring, as list filters in the console do (unsure for the API):
      // a client looking for one exact name must still compare names itself.
      const matching = store.qualifications
        .all()
        .filter(
          (q) =>
            (query.id === undefined || q.id === query.id) &&
            (query.materialName === undefined || q.materialName.includes(query.materialName)) &&
            (query.statuses === undefined || query.statuses.includes(auditStatusCode(q.status))),
        );
      return page(matching, query, identificationListItem);
    },
  },

  UpdateSignatureIdent: {
    versions: [QUALIFICATION_API_VERSION],
    methods: POST,
    handle(body, store) {
      const command = validateUpdateSignatureIdent(body);
      const qualification = existing(store, command.id);
      if (qualification.status !== "pending") {
        throw new BusinessError("1005", `status is not reviewing: the qualification is ${qualification.status}`);
      }
      store.qualifications.renamePeople(command.id, command);
      return SUCCESS;
    },
  },

  BatchBindSignatureIdent: {
    versions: [QUALIFICATION_API_VERSION],
    methods: POST,
    handle(body, store) {
      const command = validateBatchBindSignatureIdent(body);
      existing(store, command.id);
      store.qualifications.bindSignatures(command.id, command.signatures);
      return SUCCESS;
    },
  },
} satisfies Record<string, ActionRoute>;

function existing(store: EmulatorStore, id: bigint): Qualification {
  const qualification = store.qualifications.find(id);
  if (!qualification) throw invalidParameter("id does not match any qualification");
  return qualification;
}

function identListItem(q: Qualification) {
  return {
    id: q.id,
    purpose: q.purpose,
    materialName: q.materialName,
    businessCertificateName: q.businessCertificateName,
    operatorPersonName: q.operatorPersonName,
    responsiblePersonName: q.responsiblePersonName,
    legalPersonName: q.legalPersonName,
    effectSignatures: [...q.effectSignatures],
  };
}

function identificationListItem(q: Qualification) {
  return {
    id: q.id,
    materialName: q.materialName,
    purpose: q.purpose,
    businessCertificateName: q.businessCertificateName,
    effectSignatures: [...q.effectSignatures],
    auditStatus: auditStatusCode(q.status),
    auditOpinion: q.opinion,
    auditedAt: q.reviewedAt === null ? 0 : Math.floor(q.reviewedAt.getTime() / 1000),
    usable: isUsable(q.status),
    isOrder: false,
  };
}
