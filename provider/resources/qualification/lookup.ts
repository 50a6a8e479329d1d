/**
 * Looking qualifications up by id or by name. The newer list action tells every review state; an account without it
 * answers InvalidActionOrVersion, and then the older list (approved qualifications only) is used for the rest of the
 * provider process.
 */

import { getSignatureIdentList } from "../../api/qualification/get-signature-ident-list";
import {
  GET_SIGNATURE_IDENTIFICATION_LIST,
  getSignatureIdentificationList,
  IDENTIFICATION_LIST_PAGE_SIZE,
  type IdentifiedQualification,
} from "../../api/qualification/get-signature-identification-list";
import { readPages } from "../../api/result";
import type { Context } from "../../engine/context";
import { isVolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import {
  auditStatusOf,
  type KnownReviewStatus,
  type Review,
  reviewedAtOf,
  reviewStatusOf,
  UNKNOWN_REVIEW,
} from "../../review/status";

/** What the list shows of a qualification, whichever action listed it. */
export interface ListedQualification {
  id: string;
  materialName?: string;
  purpose?: number;
  businessCertificateName?: string;
  effectSignatures: string[];
}

export interface LookUpResult {
  /** Undefined when not listed. */
  listed?: ListedQualification;
  review: Review;
  /** False when only the older list could be asked: then "not listed" may mean under review or rejected. */
  conclusive: boolean;
}

/**
 * What lookups need of the context: whether the account offers the newer list, a way to say once that not, and the
 * process's batched lookups.
 */
export type LookUpContext = Pick<Context, "capabilities" | "warnOnce" | "lookups">;

const APPROVED_BY_OLD_LIST: Review = { ...UNKNOWN_REVIEW, reviewStatus: "approved", usable: true, approved: true };
/** Pages a listing reads at most: 2,000 qualifications is past any real account. */
const MAX_PAGES = 20;

const NEWER_LIST = GET_SIGNATURE_IDENTIFICATION_LIST.action;

/**
 * The qualification of this id. Lookups made together share list pages (engine/batched-lookup.ts); `fresh` reads it
 * on its own, now, for a wait that polls its review.
 */
export async function lookUpQualification(
  context: LookUpContext,
  client: ActionClient,
  id: string,
  { fresh = false } = {},
): Promise<LookUpResult> {
  if (context.capabilities.offers(NEWER_LIST)) {
    try {
      const items = fresh ? await qualificationsOfId(client, id) : await byId(context, client).get(id);
      const item = items.find((listed) => listed.id === id);
      return item
        ? { listed: item, review: reviewOf(item), conclusive: true }
        : { review: UNKNOWN_REVIEW, conclusive: true };
    } catch (error) {
      fallBackIfActionMissing(context, error);
    }
  }
  const list = await getSignatureIdentList(client, { ids: [id], pageIndex: 1, pageSize: 10 });
  const listed = list.find((item) => item.id === id);
  return { listed, review: listed ? APPROVED_BY_OLD_LIST : UNKNOWN_REVIEW, conclusive: false };
}

export type ReviewedQualification = ListedQualification & Review;

/** Every page of the newer list for this filter. */
async function listIdentified(
  client: ActionClient,
  filter: { materialName?: string; status?: readonly number[] },
): Promise<IdentifiedQualification[]> {
  return readPages(
    (pageIndex, pageSize) => getSignatureIdentificationList(client, { ...filter, pageIndex, pageSize }),
    IDENTIFICATION_LIST_PAGE_SIZE,
    MAX_PAGES,
  );
}

async function qualificationsOfId(client: ActionClient, id: string): Promise<IdentifiedQualification[]> {
  return (await getSignatureIdentificationList(client, { pageIndex: 1, pageSize: 10, id })).items;
}

/** Every qualification of the account, by id; an absence is read again by id, as a refresh drops what is gone. */
function byId(context: LookUpContext, client: ActionClient) {
  return context.lookups.of<IdentifiedQualification>("qualification by id", () => ({
    readKey: (id) => qualificationsOfId(client, id),
    readPage: (pageIndex, pageSize) => getSignatureIdentificationList(client, { pageIndex, pageSize }),
    keyOf: (item) => item.id,
    identityOf: (item) => item.id,
    pageSize: IDENTIFICATION_LIST_PAGE_SIZE,
    maxPages: MAX_PAGES,
    confirmAbsent: true,
  }));
}

/** The qualifications under review, by name: what the duplicate guard asks before each filing. */
function underReviewByName(context: LookUpContext, client: ActionClient) {
  const reviewing = [auditStatusOf("reviewing")];
  return context.lookups.of<IdentifiedQualification>("qualification under review by name", () => ({
    readKey: async (materialName) =>
      (await listIdentified(client, { materialName, status: reviewing })).filter(
        (item) => item.materialName === materialName,
      ),
    readPage: (pageIndex, pageSize) =>
      getSignatureIdentificationList(client, { pageIndex, pageSize, status: reviewing }),
    keyOf: (item) => item.materialName,
    identityOf: (item) => item.id,
    pageSize: IDENTIFICATION_LIST_PAGE_SIZE,
    maxPages: MAX_PAGES,
    // A guard that saw nothing under review in a listing of the last seconds: this process's filings are remembered.
    confirmAbsent: false,
  }));
}

/** A qualification this process just filed, so that its lookups and duplicate guard see it before the account. */
export function rememberFiled(context: LookUpContext, client: ActionClient, filed: IdentifiedQualification): void {
  byId(context, client).remember(filed);
  underReviewByName(context, client).remember(filed);
}

export interface ListFilter {
  /** Exactly this name (the API matches substrings; this does not). */
  materialName?: string;
  status?: KnownReviewStatus;
}

/**
 * Every qualification of the account that passes the filter, in the order the API lists them; `conclusive` false
 * when the account lacks the newer list, so that only approved ones could be listed.
 */
export async function listQualifications(
  context: LookUpContext,
  client: ActionClient,
  filter: ListFilter,
): Promise<{ items: ReviewedQualification[]; conclusive: boolean }> {
  const auditStatus = filter.status === undefined ? undefined : auditStatusOf(filter.status);
  const items: ReviewedQualification[] = [];
  if (context.capabilities.offers(NEWER_LIST)) {
    try {
      const request = {
        materialName: filter.materialName,
        status: auditStatus === undefined ? undefined : [auditStatus],
      };
      for (const item of await listIdentified(client, request)) items.push({ ...item, ...reviewOf(item) });
      return { items: items.filter((item) => matchesName(item, filter)), conclusive: true };
    } catch (error) {
      fallBackIfActionMissing(context, error);
    }
  }
  if (filter.status !== undefined && filter.status !== "approved") return { items: [], conclusive: false };
  for (let pageIndex = 1; pageIndex <= MAX_PAGES; pageIndex++) {
    const pageSize = IDENTIFICATION_LIST_PAGE_SIZE;
    const page = await getSignatureIdentList(client, { ids: [], pageIndex, pageSize });
    for (const item of page) items.push({ ...item, ...APPROVED_BY_OLD_LIST });
    if (page.length < pageSize) break;
  }
  return { items: items.filter((item) => matchesName(item, filter)), conclusive: false };
}

/**
 * The ids of qualifications named exactly `materialName` that are under review, or undefined when the account cannot
 * tell (no newer list action).
 */
export async function idsUnderReviewNamed(
  context: LookUpContext,
  client: ActionClient,
  materialName: string,
): Promise<string[] | undefined> {
  if (context.capabilities.offers(NEWER_LIST)) {
    try {
      return (await underReviewByName(context, client).get(materialName)).map((item) => item.id);
    } catch (error) {
      fallBackIfActionMissing(context, error);
    }
  }
  return undefined;
}

/** The signatures a qualification covers: as declared until approved, then as Volcengine lists them. */
export function effectSignaturesAfter(looked: LookUpResult, declared: unknown): unknown {
  return looked.review.approved && looked.listed ? looked.listed.effectSignatures : (declared ?? []);
}

function matchesName(item: ListedQualification, filter: ListFilter): boolean {
  return filter.materialName === undefined || item.materialName === filter.materialName;
}

function reviewOf(item: IdentifiedQualification): Review {
  const reviewStatus = reviewStatusOf(item.auditStatus);
  const approved = reviewStatus === "approved";
  return {
    reviewStatus,
    reviewOpinion: item.auditOpinion,
    reviewedAt: reviewedAtOf(item.auditedAt),
    usable: item.usable ?? approved,
    approved,
  };
}

function fallBackIfActionMissing(context: LookUpContext, error: unknown): void {
  if (!(isVolcengineError(error) && error.code === "InvalidActionOrVersion")) throw error;
  if (!context.capabilities.markMissing(NEWER_LIST)) return;
  context.warnOnce(
    `SmsSignatureIdent: this account does not offer ${NEWER_LIST} ` +
      `(${GET_SIGNATURE_IDENTIFICATION_LIST.version}), so review status comes from GetSignatureIdentList, ` +
      'which lists approved qualifications only: others show reviewStatus "unknown", rejection reasons are not ' +
      "known, and qualifications under review with the same name cannot be found before filing.",
  );
}
