// The change log as GraphQL: the log in order (changes), a node's history (history, Node.history), and each entry's
// node and source through the batch loaders. Public reads; who made a change is shown to requests with a token only.
import type { ChangeResolvers, QueryResolvers, ResolverFn } from "../../generated/graphql";
import { changesPage, historyPage, type ChangePage } from "../../graph/writes/changes/changeReads";
import { encodePosition as encodeCursor } from "../../graph/writes/changes/positions";
import type { SourceRow } from "../../graph/rows";
import { pageWindow, withCursor } from "../fetching/arguments";
import { badInput } from "../errors";
import type { GraphQLContext } from "../context";
import { nodeAsOf } from "../live/nodeAsOf";
import { connectionFields } from "./connections";

/** Change lists page forward only: a log is read from a position on (changes) or back from now (history). */
function forwardWindow(args: { first?: number | null; after?: string | null }) {
  return pageWindow({ first: args.first, after: args.after });
}

export const changeQueries: Pick<QueryResolvers, "changes" | "history"> = {
  changes: (_p, args, ctx) => {
    const filter = args.filter ?? {};
    if (filter.ids && filter.ids.length > 100) throw badInput("filter.ids: at most 100 ids", "filter.ids");
    return withCursor(() => changesPage(ctx.db, forwardWindow(args), filter));
  },
  history: (_p, args, ctx) => withCursor(() => historyPage(ctx.db, args.id, forwardWindow(args))),
};

/** Node.history on every type that implements Node: the nodes of a list that ask with one window share one query. */
export const historyField: ResolverFn<
  ChangePage,
  { id: string },
  GraphQLContext,
  { first?: number | null; after?: string | null }
> = (node, args, ctx) => withCursor(() => ctx.loaders.history(forwardWindow(args)).load(node.id));

export const changeResolvers: { Change: ChangeResolvers; ChangeConnection: object } = {
  Change: {
    cursor: (row) => encodeCursor(row.seq),
    actor: (row, _args, ctx) => (ctx.auth.identity ? row.actor : null),
    // In a subscription's update, the node right after the change (nodeAsOf.ts); in a query, as it is now.
    node: (row, _args, ctx) => {
      if (ctx.update) return nodeAsOf(row, ctx);
      return row.nodeId ? ctx.loaders.node.load(row.nodeId) : null;
    },
    source: async (row, _args, ctx) => {
      if (!row.source) return null;
      const node = await ctx.loaders.node.load(row.source);
      return node?.label === "Source" ? (node as SourceRow) : null;
    },
  },
  ChangeConnection: {
    edges: connectionFields.edges,
    nodes: connectionFields.nodes,
    pageInfo: connectionFields.pageInfo,
  },
};
