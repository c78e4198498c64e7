// The fields of every connection type, from a data-layer page.
import type { Page } from "../../graph/rows";

export const connectionFields = {
  edges: <T>(page: Page<T>) => page.items,
  nodes: <T>(page: Page<T>) => page.items.map((item) => item.node),
  pageInfo: <T>(page: Page<T>) => ({
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.items[0]?.cursor ?? null,
    endCursor: page.items.at(-1)?.cursor ?? null,
  }),
  totalCount: <T>(page: Page<T>) => page.totalCount ?? 0,
};
