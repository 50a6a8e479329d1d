/** Lookups that arrive together share list pages; alone, one is read by its key; what is filed is remembered. */
import assert from "node:assert/strict";
import { BatchedLookup, type BatchSource } from "../../provider/engine/batched-lookup";

interface Item {
  id: string;
  name: string;
}

/** An account of `size` items (ids "1".."size"), counting the requests a lookup makes of it. */
function account(size: number, { confirmAbsent = true } = {}) {
  const items: Item[] = Array.from({ length: size }, (_, index) => ({ id: String(index + 1), name: `n${index + 1}` }));
  const asked = { keys: [] as string[], pages: [] as number[] };
  const source: BatchSource<Item> = {
    async readKey(key) {
      asked.keys.push(key);
      if (key === "fails") throw new Error("the key's own request failed");
      return items.filter((item) => item.id === key);
    },
    async readPage(pageIndex, pageSize) {
      asked.pages.push(pageIndex);
      return { items: items.slice((pageIndex - 1) * pageSize, pageIndex * pageSize), total: items.length };
    },
    keyOf: (item) => item.id,
    identityOf: (item) => item.id,
    pageSize: 100,
    maxPages: 20,
    confirmAbsent,
  };
  return { items, asked, source, requests: () => asked.keys.length + asked.pages.length };
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => String(from + index));

describe("batched lookups", () => {
  it("a lookup alone is read by its key: one request, as without batching", async () => {
    const { source, asked } = account(10_000);
    const lookup = new BatchedLookup(source);
    assert.deepEqual(await lookup.get("42"), [{ id: "42", name: "n42" }]);
    assert.deepEqual(asked, { keys: ["42"], pages: [] });
  });

  it("lookups the first page answers cost that page alone", async () => {
    const { source, asked } = account(10_000);
    const lookup = new BatchedLookup(source);
    await Promise.all(ids(1, 50).map((id) => lookup.get(id)));
    assert.deepEqual(asked, { keys: [], pages: [1] });
  });

  it("500 lookups together in an account of 500: its 5 pages, no request per key", async () => {
    const { source, asked } = account(500);
    const lookup = new BatchedLookup(source);
    const found = await Promise.all(ids(1, 500).map((id) => lookup.get(id)));
    assert.ok(found.every((items) => items.length === 1));
    assert.deepEqual(asked, { keys: [], pages: [1, 2, 3, 4, 5] });
  });

  it("5 lookups in an account of 10,000: the first page, then by key; never the 100 pages", async () => {
    const { source, asked } = account(10_000);
    const lookup = new BatchedLookup(source);
    const found = await Promise.all(["3", "4", "5000", "7000", "9999"].map((id) => lookup.get(id)));
    assert.ok(found.every((items) => items.length === 1));
    assert.deepEqual(asked.pages, [1]);
    assert.deepEqual(asked.keys.sort(), ["5000", "7000", "9999"]);
  });

  it("a later batch in an account known to be large goes by key without reading the first page again", async () => {
    const { source, asked } = account(10_000);
    const lookup = new BatchedLookup(source);
    await Promise.all(["5000", "7000"].map((id) => lookup.get(id)));
    await Promise.all(["8000", "9000"].map((id) => lookup.get(id)));
    assert.deepEqual(asked.pages, [1]);
    assert.equal(asked.keys.length, 4);
  });

  it("a listing read in full answers later lookups for 30 s, then is read again", async () => {
    let now = 0;
    const { source, requests } = account(250);
    const lookup = new BatchedLookup(source, { now: () => now });
    await Promise.all(ids(95, 10).map((id) => lookup.get(id)));
    assert.equal(requests(), 3, "4 keys past the first page: its other 2 pages");
    now = 29_000;
    assert.equal((await lookup.get("200")).length, 1);
    assert.equal(requests(), 3, "answered by the kept listing");
    now = 31_000;
    await lookup.get("200");
    assert.ok(requests() > 3, "too old: the account is asked again");
  });

  it("an absence a kept listing shows is read again by key when it decides something lasting", async () => {
    const confirming = account(100);
    const lookup = new BatchedLookup(confirming.source);
    await Promise.all(ids(1, 3).map((id) => lookup.get(id)));
    confirming.items.push({ id: "101", name: "n101" });
    assert.equal((await lookup.get("101")).length, 1, "filed after the listing, found by its key");
    assert.deepEqual(confirming.asked, { keys: ["101"], pages: [1] });

    const trusting = account(100, { confirmAbsent: false });
    const guard = new BatchedLookup(trusting.source);
    await Promise.all(ids(1, 3).map((id) => guard.get(id)));
    assert.deepEqual(await guard.get("nothing"), []);
    assert.equal(trusting.requests(), 1, "the kept listing's absence stands");
  });

  it("what the process filed is found before the account lists it, once when it does, and for 30 s", async () => {
    let now = 0;
    const { source, items } = account(100, { confirmAbsent: false });
    const guard = new BatchedLookup(source, { now: () => now });
    await Promise.all(ids(1, 3).map((id) => guard.get(id)));
    guard.remember({ id: "151", name: "n151" });
    assert.deepEqual(await guard.get("151"), [{ id: "151", name: "n151" }]);
    items.push({ id: "1", name: "again" });
    guard.remember({ id: "2", name: "n2" });
    assert.deepEqual(await guard.get("2"), [{ id: "2", name: "n2" }], "listed and remembered: once");
    now = 31_000;
    assert.deepEqual(await guard.get("151"), [], "after 30 s the account's lists say what is there");
  });

  it("a key whose own request fails fails alone; a failed page fails the batch", async () => {
    const { source } = account(10_000);
    const lookup = new BatchedLookup(source);
    const [good, bad] = await Promise.allSettled([lookup.get("7000"), lookup.get("fails")]);
    assert.equal(good.status, "fulfilled");
    assert.equal(bad.status, "rejected");

    const failing = new BatchedLookup({
      ...source,
      readPage: async () => {
        throw new Error("InvalidActionOrVersion");
      },
    });
    const both = await Promise.allSettled([failing.get("1"), failing.get("2")]);
    assert.deepEqual(
      both.map((settled) => settled.status),
      ["rejected", "rejected"],
    );
  });

  it("lookups that arrive while the listing is read wait for it instead of asking again", async () => {
    const { source, requests } = account(300);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const lookup = new BatchedLookup({
      ...source,
      readPage: async (pageIndex, pageSize) => {
        await gate;
        return source.readPage(pageIndex, pageSize);
      },
    });
    const first = Promise.all(ids(98, 5).map((id) => lookup.get(id)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = Promise.all(ids(200, 5).map((id) => lookup.get(id)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([first, second]);
    assert.equal(requests(), 3, "the 3 pages, once");
  });
});
