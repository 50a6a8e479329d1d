/** Finding a signature by its content, the one key the account keeps unique, and listing the account's signatures. */

import { readPages } from "../../api/result";
import {
  getSignatureAndOrderList,
  SIGNATURE_LIST_PAGE_SIZE,
  type SignatureRow,
} from "../../api/signature/get-signature-and-order-list";
import type { Context } from "../../engine/context";
import type { ActionClient } from "../../http/client";

/** Pages a listing reads at most: 2,000 signatures is past any real account. */
const MAX_PAGES = 20;

/**
 * The row of the signature with exactly this content, or undefined when the account has none. The list matches the
 * filter as a part of the content, so a few rows may come back; an application under review and its signature are
 * never both listed, but if they were, the signature row is the one that stands.
 */
export async function findSignature(
  client: ActionClient,
  version: string,
  content: string,
): Promise<SignatureRow | undefined> {
  return standingRow(await rowsOf(client, version, content));
}

/**
 * As findSignature, for a refresh or a gate: lookups made together share list pages (engine/batched-lookup.ts).
 * What must be read now (after a filing, while waiting for a review) uses findSignature.
 */
export async function lookUpSignature(
  context: Pick<Context, "lookups">,
  client: ActionClient,
  version: string,
  content: string,
): Promise<SignatureRow | undefined> {
  const lookup = context.lookups.of<SignatureRow>(`signature by content (${version})`, () => ({
    readKey: (key) => rowsOf(client, version, key),
    readPage: async (pageIndex, pageSize) => {
      const page = await getSignatureAndOrderList(client, { version, pageIndex, pageSize });
      return { items: page.rows, total: page.total };
    },
    keyOf: (row) => row.content,
    identityOf: (row) => row.id,
    pageSize: SIGNATURE_LIST_PAGE_SIZE,
    maxPages: MAX_PAGES,
    confirmAbsent: true,
  }));
  return standingRow(await lookup.get(content));
}

async function rowsOf(client: ActionClient, version: string, content: string): Promise<SignatureRow[]> {
  return (await listSignatureRows(client, version, content)).filter((row) => row.content === content);
}

function standingRow(exact: SignatureRow[]): SignatureRow | undefined {
  return exact.find((row) => !row.isOrder) ?? exact[0];
}

/** Every row of the account, or those whose content holds `signature`, in the order the API lists them. */
export async function listSignatureRows(
  client: ActionClient,
  version: string,
  signature?: string,
): Promise<SignatureRow[]> {
  return readPages(
    async (pageIndex, pageSize) => {
      const page = await getSignatureAndOrderList(client, { version, signature, pageIndex, pageSize });
      return { items: page.rows, total: page.total };
    },
    SIGNATURE_LIST_PAGE_SIZE,
    MAX_PAGES,
  );
}
