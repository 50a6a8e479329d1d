/**
 * Lookups that arrive together in one provider process share list requests. The engine calls read (a refresh),
 * check-then-file (a create) for many resources at once; asking the API once per resource costs a request each, where
 * one page of 100 answers up to 100 of them.
 *
 * A lookup waits a few milliseconds for company. Alone, it is read by its key, as it would be without batching. In
 * company (or after others lately: a refresh's arrive a few at a time), the first page of the whole listing is read;
 * its `total` then decides whether paging through the rest costs fewer requests than reading each key still missing
 * (an account of 10,000 and a stack of 5 never pages through everything). A listing is kept for `ttlMs` and answers
 * the lookups it holds; what this process filed itself is added for as long (`remember`), so that a duplicate guard
 * sees the process's own filings. A key a kept listing lacks is read by its key when `confirmAbsent` says an absence
 * must be fresh (a refresh drops a resource that is gone). A provider process lives for one `pulumi` command: what it
 * keeps never outlives the command, and is at most `ttlMs` old within it.
 */

export interface BatchSource<T> {
  /** The items of this key, read with the narrowest request the API has: a filter on the key. */
  readKey(key: string): Promise<T[]>;
  /** One page of everything the lookup covers, and how many there are in all. */
  readPage(pageIndex: number, pageSize: number): Promise<{ items: T[]; total: number }>;
  keyOf(item: T): string;
  /** What tells two items apart (an id): a remembered filing the account now lists is not counted twice. */
  identityOf(item: T): string;
  pageSize: number;
  /** Past this many pages the listing is not read in full: the keys are read one by one. */
  maxPages: number;
  /** True when an absence decides something lasting: then only a listing read for this very batch may tell it. */
  confirmAbsent: boolean;
}

export interface BatchOptions {
  /** How long a lookup waits for others to share its requests. */
  windowMs?: number;
  /** How long a listing read in full answers later lookups. */
  ttlMs?: number;
  now?: () => number;
}

export const BATCH_WINDOW_MS = 5;
export const LISTING_TTL_MS = 30_000;

interface Listing<T> {
  byKey: Map<string, T[]>;
  /** When its first page was read: the listing is as old as that. */
  readAt: number;
  /** Every page read: then a key it lacks is not on the account. */
  complete: boolean;
  pagesRead: number;
  total: number;
}

interface Waiting<T> {
  key: string;
  resolve(items: T[]): void;
  reject(error: unknown): void;
}

export class BatchedLookup<T> {
  private queue: Waiting<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private listing: Listing<T> | undefined;
  /** When each lookup was made, for as long as a listing is kept. */
  private lookupTimes: number[] = [];
  /** A full listing being read: batches that start meanwhile wait for it instead of reading their own. */
  private listingRead: Promise<void> | undefined;
  /** What this process filed, for as long as a listing is kept: after that the account's lists are up to date. */
  private readonly remembered = new Map<string, { item: T; at: number }[]>();
  private readonly windowMs: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly source: BatchSource<T>,
    options: BatchOptions = {},
  ) {
    this.windowMs = options.windowMs ?? BATCH_WINDOW_MS;
    this.ttlMs = options.ttlMs ?? LISTING_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The items of `key` (none when the account has none). */
  get(key: string): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  /** What this process filed: later lookups of its key find it, whatever a kept listing says. */
  remember(item: T): void {
    const key = this.source.keyOf(item);
    this.remembered.set(key, [...(this.remembered.get(key) ?? []), { item, at: this.now() }]);
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.timer = undefined;
    const keys = [...new Set(batch.map((waiting) => waiting.key))];
    const answered = this.fromListings(keys);
    // A key the listings could not answer is read on its own: its failure is its own lookup's, not the batch's.
    const byKey = new Map<string, Promise<T[]>>();
    const answer = (key: string) =>
      answered.then((answers) => {
        const items = answers.get(key);
        if (items !== undefined) return items;
        const pending = byKey.get(key);
        if (pending) return pending;
        const read = this.source.readKey(key);
        byKey.set(key, read);
        return read;
      });
    for (const waiting of batch) {
      answer(waiting.key).then((items) => waiting.resolve(this.withRemembered(waiting.key, items)), waiting.reject);
    }
  }

  /** What a kept listing, or one read for this batch, can tell; the keys it cannot are left out. */
  private async fromListings(keys: string[]): Promise<Map<string, T[]>> {
    if (this.listingRead) await this.listingRead.catch(() => undefined);
    // Lookups made lately say that more are coming: a refresh's arrive a few at a time, not all at once.
    const recent = this.recentLookups();
    this.lookupTimes.push(...keys.map(() => this.now()));
    const answers = new Map<string, T[]>();
    let listing = this.keptListing();
    const answerFrom = (from: Listing<T>, readForThisBatch: boolean) => {
      for (const key of keys) {
        const items = from.byKey.get(key);
        const absenceStands = from.complete && (readForThisBatch || !this.source.confirmAbsent);
        if (items !== undefined || absenceStands) answers.set(key, items ?? []);
      }
    };
    if (listing) answerFrom(listing, false);
    const open = () => keys.filter((key) => !answers.has(key)).length;
    if (open() === 0 || (listing?.complete ?? false)) return answers;
    if (!listing && open() + recent < 2) return answers;
    const read = (async () => {
      if (!listing) {
        listing = await this.readFirstPage();
        answerFrom(listing, true);
      }
      if (open() > 0 && this.worthPaging(listing, open() + recent)) {
        listing = await this.readRest(listing);
        answerFrom(listing, true);
      }
    })();
    this.listingRead = read;
    try {
      await read;
    } finally {
      this.listingRead = undefined;
    }
    return answers;
  }

  /** Reading the listing's other pages costs no more requests than reading this many keys one by one. */
  private worthPaging(listing: Listing<T>, keys: number): boolean {
    const pages = Math.ceil(listing.total / this.source.pageSize);
    return pages <= this.source.maxPages && pages - listing.pagesRead <= keys;
  }

  private async readFirstPage(): Promise<Listing<T>> {
    const readAt = this.now();
    const first = await this.source.readPage(1, this.source.pageSize);
    const complete = first.total <= this.source.pageSize;
    return this.keep({ byKey: this.byKeyOf(first.items), readAt, complete, pagesRead: 1, total: first.total });
  }

  private async readRest(listing: Listing<T>): Promise<Listing<T>> {
    const { pageSize } = this.source;
    const pages = Math.ceil(listing.total / pageSize);
    const rest = await Promise.all(
      Array.from({ length: pages - listing.pagesRead }, (_, index) =>
        this.source.readPage(listing.pagesRead + index + 1, pageSize),
      ),
    );
    const byKey = this.byKeyOf(
      rest.flatMap((page) => page.items),
      listing.byKey,
    );
    return this.keep({ ...listing, byKey, complete: true, pagesRead: pages });
  }

  private byKeyOf(items: T[], into = new Map<string, T[]>()): Map<string, T[]> {
    const byKey = new Map(into);
    for (const item of items) {
      const key = this.source.keyOf(item);
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
    return byKey;
  }

  private keep(listing: Listing<T>): Listing<T> {
    this.listing = listing;
    return listing;
  }

  private recentLookups(): number {
    const since = this.now() - this.ttlMs;
    this.lookupTimes = this.lookupTimes.filter((at) => at > since);
    return this.lookupTimes.length;
  }

  /** A listing read lately, in full or its first page: it answers what it holds, and its size decides the rest. */
  private keptListing(): Listing<T> | undefined {
    if (this.listing && this.now() - this.listing.readAt < this.ttlMs) return this.listing;
    this.listing = undefined;
    return undefined;
  }

  private withRemembered(key: string, items: T[]): T[] {
    const since = this.now() - this.ttlMs;
    const own = this.remembered
      .get(key)
      ?.filter(({ at }) => at > since)
      .map(({ item }) => item);
    if (!own?.length) return items;
    const listed = new Set(items.map((item) => this.source.identityOf(item)));
    return [...items, ...own.filter((item) => !listed.has(this.source.identityOf(item)))];
  }
}

/** The process's batched lookups by name, made on first use: every resource type's context shares them. */
export class Lookups {
  private readonly byName = new Map<string, BatchedLookup<unknown>>();

  constructor(private readonly options: BatchOptions = {}) {}

  of<T>(name: string, source: () => BatchSource<T>): BatchedLookup<T> {
    let lookup = this.byName.get(name) as BatchedLookup<T> | undefined;
    if (!lookup) {
      lookup = new BatchedLookup(source(), this.options);
      this.byName.set(name, lookup as BatchedLookup<unknown>);
    }
    return lookup;
  }
}
