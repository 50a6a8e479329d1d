/**
 * Every limit `pulumi preview` enforces on a qualification, in one place: the README's limits table and the tests read
 * these. The limits all resources share (a file's size) are in check/limits.ts.
 */

/** `materialName`, counted in characters (code points) exactly as sent: the vendor's documented limit. */
export const MAX_MATERIAL_NAME_CHARS = 20;

/**
 * The most items each list may hold. The vendor documents none but BatchBindSignatureIdent's 100 signatures per
 * call, so `effectSignatures` takes that figure; the scan lists are bounded so that one body stays far below what a
 * gateway accepts (43 scans of 5 MB is already about 290 MB of base64) while leaving room above what any real
 * qualification carries: an ID card has two sides, a letter of authorisation a few pages.
 */
export const MAX_LIST_ITEMS = {
  personCertificate: 4,
  powerOfAttorney: 10,
  otherMaterials: 20,
  effectSignatures: 100,
} as const;
