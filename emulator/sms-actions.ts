// The four qualification actions of the SMS service, acting on the store. Each returns the
// envelope's Result or throws a BusinessError.
import { BusinessError, invalidParameter } from "./business-error";
import type { Qualification, QualificationStore } from "./store";
import {
  validateApplySignatureIdent,
  validateBatchBindSignatureIdent,
  validateGetSignatureIdentList,
  validateUpdateSignatureIdent,
} from "./validate";

export type SmsAction =
  | "ApplySignatureIdent"
  | "GetSignatureIdentList"
  | "UpdateSignatureIdent"
  | "BatchBindSignatureIdent";

type ActionHandler = (body: unknown, store: QualificationStore) => unknown;

const SUCCESS = { msg: "success" };

const handlers: Readonly<Record<SmsAction, ActionHandler>> = {
  ApplySignatureIdent(body, store) {
    const qualification = store.create(validateApplySignatureIdent(body));
    return { id: qualification.id };
  },

  GetSignatureIdentList(body, store) {
    const query = validateGetSignatureIdentList(body);
    const wanted = query.ids && new Set(query.ids);
    const approved = store.all().filter((q) => q.status === "approved" && (!wanted || wanted.has(q.id)));
    const start = (query.pageIndex - 1) * query.pageSize;
    return { list: approved.slice(start, start + query.pageSize).map(listItem), total: approved.length };
  },

  UpdateSignatureIdent(body, store) {
    const command = validateUpdateSignatureIdent(body);
    const qualification = existing(store, command.id);
    if (qualification.status !== "pending") {
      throw new BusinessError("1005", `status is not reviewing: the qualification is ${qualification.status}`);
    }
    store.renamePeople(command.id, command);
    return SUCCESS;
  },

  BatchBindSignatureIdent(body, store) {
    const command = validateBatchBindSignatureIdent(body);
    existing(store, command.id);
    store.bindSignatures(command.id, command.signatures);
    return SUCCESS;
  },
};

export function isSmsAction(action: string): action is SmsAction {
  return Object.hasOwn(handlers, action);
}

export function runSmsAction(action: SmsAction, body: unknown, store: QualificationStore): unknown {
  return handlers[action](body, store);
}

function existing(store: QualificationStore, id: bigint): Qualification {
  const qualification = store.find(id);
  if (!qualification) throw invalidParameter("id does not match any qualification");
  return qualification;
}

function listItem(q: Qualification) {
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
