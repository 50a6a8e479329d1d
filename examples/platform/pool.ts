/**
 * Runs `work` on every item, at most `limit` at a time, and resolves with the results in the items' order. A small
 * pool rather than all at once: each stack starts a Pulumi CLI and a provider host, and the API has a rate limit.
 * `work` should not reject: one company's failure must not stop the others.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
