// The pagination every keyset-paginated list shares: the page from a page query's rows (toPage) forward and backward,
// and the cursor predicates that keep a window's rows (cursorPredicates), in either direction.
import { cursorScope, decodeCursor, encodeCursor } from "../../../src/graph/cursor";
import { cursorPredicates, scanDirection, sortKeyAndId, toPage } from "../../../src/graph/pages";

const rows = [
  { row: { id: "statement:a" }, sortKey: "2025-06-02" },
  { row: { id: "statement:b" }, sortKey: "2025-06-01" },
  { row: { id: "statement:c" }, sortKey: "9999-12-31" },
];
const scope = cursorScope("statements", {}, "SAID_ON_DESC");

describe("a page from the rows of a page query", () => {
  it("keeps the first rows asked for and tells from the extra row that there are more", () => {
    const page = toPage({ size: 2, withTotal: true }, { page: rows, total: 7 }, scope, sortKeyAndId);
    expect(page.items.map((item) => item.node.id)).toEqual(["statement:a", "statement:b"]);
    expect(page.items.map((item) => decodeCursor(item.cursor, scope, 2))).toEqual([
      ["2025-06-02", "statement:a"],
      ["2025-06-01", "statement:b"],
    ]);
    expect(page.hasNextPage).toBe(true);
    expect(page.hasPreviousPage).toBe(false);
    expect(page.totalCount).toBe(7);
  });

  it("has no next page when the rows fit, and no total unless the query asked for it", () => {
    const page = toPage({ size: 3, withTotal: false }, { page: rows, total: null }, scope, sortKeyAndId);
    expect(page.items).toHaveLength(3);
    expect(page.hasNextPage).toBe(false);
    expect(page.totalCount).toBeNull();
  });

  it("reads a backward page's rows (scanned from the end) back into the list's order", () => {
    const scanned = [...rows].reverse();
    const before = encodeCursor(scope, ["0001-01-01", "statement:z"]);
    const page = toPage(
      { size: 2, backward: true, before, withTotal: false },
      { page: scanned, total: null },
      scope,
      sortKeyAndId,
    );
    expect(page.items.map((item) => item.node.id)).toEqual(["statement:b", "statement:c"]);
    // More rows before it; after it, at least the cursor's own item.
    expect(page).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const end = toPage(
      { size: 3, backward: true, withTotal: false },
      { page: scanned, total: null },
      scope,
      sortKeyAndId,
    );
    expect(end).toMatchObject({ hasPreviousPage: false, hasNextPage: false });
  });

  it("is empty, with a total of 0 when asked, for a parent the query found nothing for", () => {
    expect(toPage({ size: 20, withTotal: true }, undefined, scope, sortKeyAndId)).toEqual({
      items: [],
      hasNextPage: false,
      hasPreviousPage: false,
      totalCount: 0,
      facets: null,
    });
  });
});

describe("the rows between a window's cursors", () => {
  const people = cursorScope("people", {});
  const after = encodeCursor(people, ["Ann", "person:ann"]);
  const before = encodeCursor(people, ["Zoe", "person:zoe"]);
  const order = { key: "n.name", id: "n.id", direction: "ASC" as const };

  it("keeps rows past each cursor in the list's order, whichever way the page is read", () => {
    const forward = cursorPredicates({ size: 2, after, before }, people, order);
    expect(forward.predicates).toEqual([
      "(n.name > $afterKey OR (n.name = $afterKey AND n.id > $afterId))",
      "(n.name < $beforeKey OR (n.name = $beforeKey AND n.id < $beforeId))",
    ]);
    expect(forward.params).toEqual({
      afterKey: "Ann",
      afterId: "person:ann",
      beforeKey: "Zoe",
      beforeId: "person:zoe",
    });
    expect(cursorPredicates({ size: 2, after, before, backward: true }, people, order)).toEqual(forward);
    expect(scanDirection({ size: 2 }, "ASC")).toBe("ASC");
    expect(scanDirection({ size: 2, backward: true }, "ASC")).toBe("DESC");
  });

  it("compares the id its own way where a list sorts ids against its key (search: score down, id up)", () => {
    const hits = cursorScope("search", { query: "x" });
    const cursor = encodeCursor(hits, [1.5, "state:ua", 3]);
    const { predicates } = cursorPredicates({ size: 2, after: cursor }, hits, {
      key: "score",
      id: "node.id",
      direction: "DESC",
      idDirection: "ASC",
      cursorLength: 3,
    });
    expect(predicates).toEqual(["(score < $afterKey OR (score = $afterKey AND node.id > $afterId))"]);
  });

  it("names the argument of a cursor that belongs elsewhere", () => {
    const statements = encodeCursor(scope, ["2025-06-02", "statement:a"]);
    expect(() => cursorPredicates({ size: 2, before: statements }, people, order)).toThrow(
      /^before: this cursor belongs to another list \(statements\)/,
    );
  });
});
