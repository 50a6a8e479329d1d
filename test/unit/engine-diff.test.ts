import assert from "node:assert/strict";
import { canonicalJson, changedProperties, listPaths, pathsThatDiffer } from "../../provider/engine/diff";
import { UNKNOWN_VALUE } from "../../provider/engine/inputs";

describe("engine: the generic diff", () => {
  it("names the deepest changed paths, and a list of another length as a whole", () => {
    const before = { person: { name: "张三", mobile: "1" }, list: [1, 2] };
    const after = { person: { name: "张三", mobile: "2" }, list: [1, 2, 3] };
    assert.deepEqual(pathsThatDiffer(before.person, after.person, "person"), ["person.mobile"]);
    assert.deepEqual(pathsThatDiffer(before.list, after.list, "list"), ["list"]);
    assert.deepEqual(pathsThatDiffer([{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 3 }], "l"), ["l[1].a"]);
  });

  it("treats key order, absent and null alike, so a stored value compares equal to the same input", () => {
    assert.equal(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }), canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 }));
    assert.deepEqual(changedProperties(["x", "y"], { x: 1, y: null }, { x: 1 }), []);
  });

  it("compares documents by digest alone: a file moved on disk is the same document", () => {
    const stored = { scan: { document: { path: "a/x.png", sha256: "abc", size: 1 } } };
    const moved = { scan: { document: { path: "b/x.png", sha256: "abc", size: 1 } } };
    const changed = { scan: { document: { path: "a/x.png", sha256: "def", size: 1 } } };
    assert.deepEqual(changedProperties(["scan"], stored, moved), []);
    assert.deepEqual(changedProperties(["scan"], stored, changed), [
      { property: "scan", paths: ["scan.document.sha256"] },
    ]);
  });

  it("counts a value not known yet as a change of its property, and follows a property's own rule", () => {
    assert.deepEqual(changedProperties(["x"], { x: 1 }, { x: UNKNOWN_VALUE }), [{ property: "x", paths: ["x"] }]);
    const superset = (before: unknown, after: unknown) =>
      !(after as number[]).every((item) => (before as number[]).includes(item));
    assert.deepEqual(changedProperties(["s"], { s: [1, 2, 3] }, { s: [1, 2] }, { s: superset }), []);
    assert.deepEqual(changedProperties(["s"], { s: [1] }, { s: [1, 4] }, { s: superset }), [
      { property: "s", paths: ["s"] },
    ]);
  });

  it("lists a long change's first paths and how many more", () => {
    const paths = Array.from({ length: 11 }, (_, i) => `p${i}`);
    assert.equal(listPaths(paths.slice(0, 2)), "p0, p1");
    assert.equal(listPaths(paths), "p0, p1, p2, p3, p4, p5, p6, p7 and 3 more");
  });
});
