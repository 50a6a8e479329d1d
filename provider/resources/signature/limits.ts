/**
 * Every limit `pulumi preview` enforces on a signature, in one place, each with its reason. The vendor documents
 * none but the content's length, and its sources disagree there.
 */

/** A signature's content, counted in characters (code points) exactly as sent. */
export const MIN_CONTENT_CHARS = 2;
/**
 * The default maximum: the vendor's console and the carriers' rule allow 2–12 characters; its SMS MCP client allows
 * 25. `volcengine:smsSignatureMaxChars` raises it, up to MOST_CONTENT_CHARS, for an account the API allows more.
 */
export const DEFAULT_MAX_CONTENT_CHARS = 12;
export const MOST_CONTENT_CHARS = 25;

/** Lists: a signature names a few message groups and carries a few pages of evidence. */
export const MAX_LIST_ITEMS = {
  subAccounts: 100,
  uploadFileList: 10,
  appIcpFileList: 10,
  trademarkFileList: 10,
} as const;

/**
 * Text fields, in characters: well above what any real signature needs, so a runaway value fails in preview instead
 * of at the API. A host name is at most 253 characters (RFC 1035).
 */
export const MAX_TEXT_CHARS = {
  desc: 500,
  scene: 100,
  domain: 253,
  subAccount: 64,
  appIcpFilling: 64,
  trademarkCn: 100,
  trademarkEn: 100,
  trademarkNumber: 64,
} as const;
