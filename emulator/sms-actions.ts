// The qualification actions of the SMS service, acting on the store, each under the Version and
// HTTP methods the gateway routes it by. Each returns the envelope's Result or throws a BusinessError.
import { BusinessError, invalidParameter } from "./business-error";
import { auditStatusCode, isUsable } from "./review-status";
import type { Qualification, QualificationStore } from "./store";
import {
  validateApplySignatureIdent,
  validateBatchBindSignatureIdent,
  validateGetSignatureIdentificationList,
  validateGetSignatureIdentList,
  validateUpdateSignatureIdent,
} from "./validate";

export const QUALIFICATION_API_VERSION = "2021-01-11";
export const IDENTIFICATION_LIST_VERSION = "2026-01-01";

export type SmsAction =
  | "ApplySignatureIdent"
  | "GetSignatureIdentList"
  | "UpdateSignatureIdent"
  | "BatchBindSignatureIdent"
  | "GetSignatureIdentificationList";

type ActionHandler = (body: unknown, store: QualificationStore) => unknown;

interface ActionRoute {
  version: string;
  methods: readonly string[];
  handle: ActionHandler;
}

const SUCCESS = { msg: "success" };
const POST = ["POST"];

const routes: Readonly<Record<SmsAction, ActionRoute>> = {
  ApplySignatureIdent: {
    version: QUALIFICATION_API_VERSION,
    methods: POST,
    handle(body, store) {
      const qualification = store.create(validateApplySignatureIdent(body));
      return { id: qualification.id };
    },
  },

  GetSignatureIdentList: {
    version: QUALIFICATION_API_VERSION,
    // The vendor's Go, Java and PHP SDKs send it as GET with the JSON body; Python sends POST.
    methods: ["POST", "GET"],
    handle(body, store) {
      const query = validateGetSignatureIdentList(body);
      const wanted = query.ids && new Set(query.ids);
      const approved = store.all().filter((q) => q.status === "approved" && (!wanted || wanted.has(q.id)));
      return page(approved, query, identListItem);
    },
  },

  GetSignatureIdentificationList: {
    version: IDENTIFICATION_LIST_VERSION,
    methods: POST,
    handle(body, store) {
      const query = validateGetSignatureIdentificationList(body);
      // materialName matches as a substring, as list filters in the console do (unsure for the API):
      // a client looking for one exact name must still compare names itself.
      const matching = store
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
    version: QUALIFICATION_API_VERSION,
    methods: POST,
    handle(body, store) {
      const command = validateUpdateSignatureIdent(body);
      const qualification = existing(store, command.id);
      if (qualification.status !== "pending") {
        throw new BusinessError("1005", `status is not reviewing: the qualification is ${qualification.status}`);
      }
      store.renamePeople(command.id, command);
      return SUCCESS;
    },
  },

  BatchBindSignatureIdent: {
    version: QUALIFICATION_API_VERSION,
    methods: POST,
    handle(body, store) {
      const command = validateBatchBindSignatureIdent(body);
      existing(store, command.id);
      store.bindSignatures(command.id, command.signatures);
      return SUCCESS;
    },
  },
};

/** The action the gateway routes this Action, Version and method to, if any. */
export function routeSmsAction(action: string, version: string, method: string): SmsAction | undefined {
  if (!Object.hasOwn(routes, action)) return undefined;
  const route = routes[action as SmsAction];
  return route.version === version && route.methods.includes(method) ? (action as SmsAction) : undefined;
}

export function runSmsAction(action: SmsAction, body: unknown, store: QualificationStore): unknown {
  return routes[action].handle(body, store);
}

function existing(store: QualificationStore, id: bigint): Qualification {
  const qualification = store.find(id);
  if (!qualification) throw invalidParameter("id does not match any qualification");
  return qualification;
}

interface Paging {
  pageIndex: number;
  pageSize: number;
}

function page<T>(matching: Qualification[], query: Paging, item: (q: Qualification) => T) {
  const start = (query.pageIndex - 1) * query.pageSize;
  return { list: matching.slice(start, start + query.pageSize).map(item), total: matching.length };
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
