/** Limits every resource's checks share; each resource keeps its own beside it (resources/<resource>/limits.ts). */

/** Each scan, decoded: the vendor's documented limit for every SignAuthFile. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Failures shown per top-level property before the rest are counted as "and N more", so a preview stays readable. */
export const MAX_FAILURES_PER_PROPERTY = 5;
