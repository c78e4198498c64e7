// The pagination every keyset-paginated list shares (entities, statements, search hits, timelines): which rows a
// window keeps between its cursors, which way the query scans, and how the rows become a page with cursors.
import { decodeCursor, encodeCursor, type CursorArgument, type CursorKey, type CursorScope } from "./cursor";
import type { FacetRows } from "./rows";
import type { Page } from "./rows";

/** Which part of a list a page is: Relay's first/after (forward) or last/before (backward). */
export interface PageWindow {
  /** How many items: first, or last when paging backward. */
  size: number;
  /** last: the items nearest the end of the list or before `before`, still returned in the list's order. */
  backward?: boolean;
  after?: string | null;
  before?: string | null;
}

export type Direction = "ASC" | "DESC";

const REVERSED: Record<Direction, Direction> = { ASC: "DESC", DESC: "ASC" };

/** The direction a page query reads the list in: its own, or the reverse for a backward page (read from its end). */
export function scanDirection(window: PageWindow, direction: Direction): Direction {
  return window.backward ? REVERSED[direction] : direction;
}

/** Each cursor of a window with the argument it came in, decoded in the list's scope (CursorError when it is not). */
export function windowCursors(
  window: PageWindow,
  scope: CursorScope,
  length: number,
): { argument: CursorArgument; key: CursorKey }[] {
  const cursors: { argument: CursorArgument; key: CursorKey }[] = [];
  if (window.after) cursors.push({ argument: "after", key: decodeCursor(window.after, scope, length, "after") });
  if (window.before) cursors.push({ argument: "before", key: decodeCursor(window.before, scope, length, "before") });
  return cursors;
}

/**
 * The comparison that keeps rows past a cursor given as `argument` in a list sorted in `direction`: after a cursor
 * in an ascending list, a row's (key, id) is greater.
 */
export function cursorComparison(argument: CursorArgument, direction: Direction): ">" | "<" {
  return (argument === "after") === (direction === "ASC") ? ">" : "<";
}

/** How a list sorts: by a key, then by id (in the key's direction unless idDirection says otherwise). */
export interface ListOrder {
  /** The row's key and id as Cypher expressions. */
  key: string;
  id: string;
  direction: Direction;
  idDirection?: Direction;
  /** Turns a parameter into a value comparable with the key (date() for dates); the parameter itself by default. */
  asKey?: (param: string) => string;
  /** Values in the list's cursors: the key and the id, and more that the list keeps for itself. */
  cursorLength?: number;
}

/**
 * Predicates keeping the rows strictly between the window's cursors of a list sorted by (key, id). The cursors'
 * values become parameters afterKey/afterId and beforeKey/beforeId.
 */
export function cursorPredicates(
  window: PageWindow,
  scope: CursorScope,
  order: ListOrder,
): { predicates: string[]; params: Record<string, unknown> } {
  const asKey = order.asKey ?? ((param: string) => param);
  const predicates: string[] = [];
  const params: Record<string, unknown> = {};
  for (const { argument, key } of windowCursors(window, scope, order.cursorLength ?? 2)) {
    params[`${argument}Key`] = key[0];
    params[`${argument}Id`] = key[1];
    const cmp = cursorComparison(argument, order.direction);
    const idCmp = cursorComparison(argument, order.idDirection ?? order.direction);
    const cursorKey = asKey(`$${argument}Key`);
    predicates.push(
      `(${order.key} ${cmp} ${cursorKey} OR (${order.key} = ${cursorKey} AND ${order.id} ${idCmp} $${argument}Id))`,
    );
  }
  return { predicates, params };
}

/** What a page query returns: up to one row more than asked for, in its scan direction, and the total if asked. */
export interface PageRows<T> {
  page: { row: T; sortKey: string | number }[];
  total: number | null;
  /** A statement list's facets, when asked for. */
  facets?: FacetRows | null;
}

/** The usual cursor: the row's sort key and id. */
export const sortKeyAndId = (item: { row: { id: string }; sortKey: string | number }): CursorKey => [
  item.sortKey,
  item.row.id,
];

/**
 * A page as the API returns it, in the list's order: the row beyond the window's size tells whether more follow (or,
 * backward, come before); each cursor is `cursorKey` of its row (given the row's place in the page) in the list's
 * scope.
 */
export function toPage<T>(
  query: PageWindow & { withTotal: boolean },
  found: PageRows<T> | undefined,
  scope: CursorScope,
  cursorKey: (item: { row: T; sortKey: string | number }, index: number) => CursorKey,
): Page<T> {
  const rows = found?.page ?? [];
  const kept = rows.slice(0, query.size);
  if (query.backward) kept.reverse();
  const more = rows.length > query.size;
  return {
    items: kept.map((item, index) => ({ cursor: encodeCursor(scope, cursorKey(item, index)), node: item.row })),
    // Relay's rule: the side a page is read towards says whether more lie beyond it; the other side only knows that
    // a cursor stands there (the cursor's own item, at least, lies beyond it).
    hasNextPage: query.backward ? Boolean(query.before) : more,
    hasPreviousPage: query.backward ? more : Boolean(query.after),
    totalCount: query.withTotal ? (found?.total ?? 0) : null,
    facets: found?.facets ?? null,
  };
}
