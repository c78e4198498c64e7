// Turns the rows of a page query into a page with cursors; every keyset-paginated list (entities, statements) uses it.
import { encodeCursor, type CursorScope } from "./cursor";
import type { Page } from "./rows";

/** What a page query returns: one row more than asked for, each with its sort key as text, and the total if asked. */
export interface PageRows<T> {
  page: { row: T; sortKey: string }[];
  total: number | null;
}

/**
 * A page as the API returns it (the row beyond `first` tells whether there are more); each cursor is [sortKey, id] in
 * the list's scope.
 */
export function toPage<T extends { id: string }>(
  query: { first: number; withTotal: boolean; after?: string | null },
  found: PageRows<T> | undefined,
  scope: CursorScope,
): Page<T> {
  const page = found?.page ?? [];
  return {
    items: page
      .slice(0, query.first)
      .map(({ row, sortKey }) => ({ cursor: encodeCursor(scope, [sortKey, row.id]), node: row })),
    hasNextPage: page.length > query.first,
    // Forward pages only: a page after a cursor has the cursor's item, at least, before it.
    hasPreviousPage: Boolean(query.after),
    totalCount: query.withTotal ? (found?.total ?? 0) : null,
  };
}
