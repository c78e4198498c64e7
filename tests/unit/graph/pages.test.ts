// The page every keyset-paginated list returns (toPage): items with [sortKey, id] cursors in the list's scope, whether
// there are more, and the total only when asked.
import { cursorScope, decodeCursor } from "../../../src/graph/cursor";
import { toPage } from "../../../src/graph/pages";

const rows = [
  { row: { id: "statement:a" }, sortKey: "2025-06-02" },
  { row: { id: "statement:b" }, sortKey: "2025-06-01" },
  { row: { id: "statement:c" }, sortKey: "9999-12-31" },
];
const scope = cursorScope("statements", {}, "SAID_ON_DESC");

describe("a page from the rows of a page query", () => {
  it("keeps the first rows asked for and tells from the extra row that there are more", () => {
    const page = toPage({ first: 2, withTotal: true }, { page: rows, total: 7 }, scope);
    expect(page.items.map((item) => item.node.id)).toEqual(["statement:a", "statement:b"]);
    expect(page.items.map((item) => decodeCursor(item.cursor, scope, 2))).toEqual([
      ["2025-06-02", "statement:a"],
      ["2025-06-01", "statement:b"],
    ]);
    expect(page.hasNextPage).toBe(true);
    expect(page.totalCount).toBe(7);
  });

  it("has no next page when the rows fit, and no total unless the query asked for it", () => {
    const page = toPage({ first: 3, withTotal: false }, { page: rows, total: null }, scope);
    expect(page.items).toHaveLength(3);
    expect(page.hasNextPage).toBe(false);
    expect(page.totalCount).toBeNull();
  });

  it("is empty, with a total of 0 when asked, for a parent the query found nothing for", () => {
    expect(toPage({ first: 20, withTotal: true }, undefined, scope)).toEqual({
      items: [],
      hasNextPage: false,
      hasPreviousPage: false,
      totalCount: 0,
    });
  });
});
