// Subscriptions: the change log as it grows (changes, nodeChanged) and new statements (statementAdded), each a stream
// fed by the process's one tail of the log (src/graphql/live/). Each update is resolved like a query's answer, once
// per operation and event for every subscriber of the process (src/graphql/live/sharedExecution.ts).
import { GraphQLError } from "graphql";
import type { SubscriptionResolvers } from "../../generated/graphql";
import { decodePosition } from "../../graph/writes/changes/positions";
import type { ChangeRow } from "../../graph/writes/changes/changeReads";
import type { StatementRow } from "../../graph/rows";
import { checkStatementFilter, withCursor } from "../fetching/arguments";
import { renewForUpdate, type GraphQLContext, type LiveSession } from "../context";
import { badInput } from "../errors";
import { ChangeStream } from "../live/changeStream";
import { StatementStream } from "../live/statementStream";

function session(ctx: GraphQLContext): LiveSession {
  if (ctx.live) return ctx.live;
  throw new GraphQLError(
    "Subscriptions run over WebSocket (graphql-ws) at this server's /graphql, or Server-Sent Events at /graphql/stream",
    { extensions: { code: "BAD_REQUEST" } },
  );
}

function settings(live: LiveSession) {
  return { capacity: live.capacity, onOverflow: (message: string) => live.closeSlow(message) };
}

/** The row is the update itself; it is resolved with a context of its own (contextForUpdate). */
function update<T>(row: T, _args: unknown, ctx: GraphQLContext): T {
  if (!ctx.update) renewForUpdate(ctx);
  return row;
}

export const subscriptionResolvers: SubscriptionResolvers = {
  changes: {
    subscribe: async (_p, args, ctx) => {
      const live = session(ctx);
      const filter = args.filter ?? {};
      if (filter.ids && filter.ids.length > 100) throw badInput("filter.ids: at most 100 ids", "filter.ids");
      const after = args.after ? await withCursor(async () => decodePosition(args.after!, "after")) : null;
      return ChangeStream.open(live.feed, ctx.db, after, filter, settings(live));
    },
    resolve: update<ChangeRow>,
  },
  nodeChanged: {
    subscribe: async (_p, args, ctx) => {
      const live = session(ctx);
      // An alias id names the node it was merged into, whose entries carry that node's own id.
      const node = await ctx.loaders.node.load(args.id);
      const ids = [...new Set([args.id, ...(node ? [node.id] : [])])];
      return ChangeStream.open(live.feed, ctx.db, null, { ids }, settings(live));
    },
    resolve: update<ChangeRow>,
  },
  statementAdded: {
    subscribe: async (_p, args, ctx) => {
      const live = session(ctx);
      const filter = checkStatementFilter(args.filter ?? {});
      const after = args.after ? await withCursor(async () => decodePosition(args.after!, "after")) : null;
      return StatementStream.open(live.feed, ctx.db, filter, settings(live), after);
    },
    resolve: update<StatementRow>,
  },
};
