/**
 * Reading an action's `Result`: the vendor's answers are JSON of an undocumented exact shape, so each reader takes
 * what has the expected type and treats anything else as absent, instead of trusting a cast.
 */

export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string field, or "" when it is missing or not a string. */
export function textField(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function integerField(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

export function booleanField(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

/** The strings of a list field; other items are left out. */
export function stringsField(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** A list page: `Result.list` (objects only) and `Result.total` (the list's length when absent). */
export function pageOf(result: Fields): { items: Fields[]; total: number } {
  const items = Array.isArray(result.list) ? result.list.filter(isFields) : [];
  const total = typeof result.total === "number" && Number.isFinite(result.total) ? result.total : items.length;
  return { items, total };
}

/**
 * Every page of a listing, in order: until a page is short or `total` is reached, and at most `maxPages` (past any
 * real account), so a gateway that keeps answering full pages cannot keep the provider paging.
 */
export async function readPages<T>(
  readPage: (pageIndex: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
  pageSize: number,
  maxPages: number,
): Promise<T[]> {
  const items: T[] = [];
  for (let pageIndex = 1; pageIndex <= maxPages; pageIndex++) {
    const page = await readPage(pageIndex, pageSize);
    items.push(...page.items);
    if (page.items.length < pageSize || pageIndex * pageSize >= page.total) break;
  }
  return items;
}
