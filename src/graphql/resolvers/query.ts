// Root fields: look-ups by id, lists, statements, search, paths and timelines.
import type { QueryResolvers } from "../../generated/graphql";
import { entityPage, type EntityFilter, type ListLabel } from "../../graph/reads/entities";
import { labelOfId } from "../../domain/labels";
import { MAX_CONVERSATION_DEPTH } from "../../domain/responses";
import { shortestPath } from "../../graph/reads/paths";
import { conversation } from "../../graph/reads/responses";
import type { StatementParts } from "../../graph/projections";
import type { NodeLabel, NodeRow, Page } from "../../graph/rows";
import { searchPage } from "../../graph/reads/search";
import { statementPages } from "../../graph/reads/statements";
import { timeline } from "../../graph/reads/timeline";
import {
  pageWindow,
  statementPartsSelected,
  statementQuery,
  wantsTotal,
  withCursor,
  type PageArgs,
} from "../fetching/arguments";
import type { GraphQLContext } from "../context";
import { badInput, notFound } from "../errors";
import { listNeighbours, nodeWithSelectedLinks, primeListNeighbours } from "../fetching/prefetch";
import { listPropertiesSelected } from "../fetching/selectedProperties";
import { checkNameFilter, checkSearchQuery } from "../limits/textInputs";
import type { GraphQLResolveInfo } from "graphql";

/** A search hit's snippet is cut from its statement's text, whatever else the query reads. */
function withText(parts: StatementParts): StatementParts {
  const properties = parts.properties;
  return properties && !properties.includes("text") ? { ...parts, properties: [...properties, "text"] } : parts;
}

async function byId<L extends NodeLabel>(
  ctx: GraphQLContext,
  id: string,
  label: L,
  info: GraphQLResolveInfo,
): Promise<Extract<NodeRow, { label: L }> | null> {
  const node = await nodeWithSelectedLinks(ctx, id, info);
  return node?.label === label ? (node as Extract<NodeRow, { label: L }>) : null;
}

function list<L extends ListLabel>(label: L) {
  return (
    _parent: unknown,
    args: PageArgs & { filter?: EntityFilter | null },
    ctx: GraphQLContext,
    info: GraphQLResolveInfo,
  ) =>
    withCursor(async () => {
      // The neighbours selected on the listed nodes are read with the page.
      const neighbours = listNeighbours(info, label);
      const { page, links } = await entityPage(ctx.db, {
        label,
        filter: { ...args.filter, name: checkNameFilter(args.filter?.name) },
        ...pageWindow(args),
        withTotal: wantsTotal(info),
        ...(neighbours.length ? { neighbours } : {}),
        properties: listPropertiesSelected(info, label),
      });
      primeListNeighbours(ctx, links, neighbours);
      return page as Page<Extract<NodeRow, { label: L }>>;
    });
}

async function mustExist(ctx: GraphQLContext, id: string, argument: string): Promise<NodeRow> {
  const node = await ctx.loaders.node.load(id);
  if (!node) throw notFound(`${argument}: there is no node with id ${id}`, id);
  return node;
}

export const queryResolvers: QueryResolvers = {
  node: (_p, { id }, ctx, info) => nodeWithSelectedLinks(ctx, id, info, labelOfId(id)),
  person: (_p, { id }, ctx, info) => byId(ctx, id, "Person", info),
  state: (_p, { id }, ctx, info) => byId(ctx, id, "State", info),
  organization: (_p, { id }, ctx, info) => byId(ctx, id, "Organization", info),
  venue: (_p, { id }, ctx, info) => byId(ctx, id, "Venue", info),
  event: (_p, { id }, ctx, info) => byId(ctx, id, "Event", info),
  source: (_p, { id }, ctx, info) => byId(ctx, id, "Source", info),
  statement: (_p, { id }, ctx, info) => byId(ctx, id, "Statement", info),
  people: list("Person"),
  states: list("State"),
  organizations: list("Organization"),
  venues: list("Venue"),
  events: (p, args, ctx, info) => {
    if (args.filter?.from && args.filter.to && args.filter.from > args.filter.to) {
      throw badInput(`filter.from (${args.filter.from}) is after filter.to (${args.filter.to})`, "filter.from");
    }
    return list("Event")(p, args, ctx, info);
  },
  sources: list("Source"),
  statements: async (_p, args, ctx, info) => {
    const query = statementQuery(args, info);
    const [page] = await withCursor(() => statementPages(ctx.db, query));
    return page!;
  },
  search: async (_p, args, ctx, info) => {
    checkSearchQuery(args.query);
    const query = {
      text: args.query,
      ...pageWindow(args),
      parts: withText(statementPartsSelected(info, ["edges", "node", "node"], ["nodes", "node"])),
      withTotal: wantsTotal(info),
    };
    const page = await withCursor(() =>
      ctx.expensive.run("search", () => searchPage(ctx.db, query), ctx.db.shareKey("search", query)),
    );
    // A hit's snippet marks the words searched for.
    return { ...page, items: page.items.map((item) => ({ ...item, node: { ...item.node, query: args.query } })) };
  },
  path: async (_p, { from, to, maxHops }, ctx, info) => {
    const hops = maxHops ?? 4;
    if (!Number.isInteger(hops) || hops < 1 || hops > 6)
      throw badInput(`maxHops must be between 1 and 6, got ${hops}`, "maxHops");
    if (from === to) return { nodes: [await mustExist(ctx, from, "from")], relationships: [] };
    // One round trip when there is a path; only a missing one asks whether both ends exist, and whether they are one
    // node under two ids (an alias id and the node's own).
    const parts = statementPartsSelected(info, ["nodes"]);
    const path = await ctx.expensive.run(
      "path",
      () => shortestPath(ctx.db, from, to, hops, parts),
      ctx.db.shareKey("path", { from, to, hops, parts }),
    );
    if (path) return path;
    const [start, end] = await Promise.all([mustExist(ctx, from, "from"), mustExist(ctx, to, "to")]);
    return start.id === end.id ? { nodes: [start], relationships: [] } : null;
  },
  conversation: async (_p, { statement, maxDepth }, ctx, info) => {
    const depth = maxDepth ?? 5;
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_CONVERSATION_DEPTH)
      throw badInput(`maxDepth must be between 0 and ${MAX_CONVERSATION_DEPTH}, got ${depth}`, "maxDepth");
    const parts = statementPartsSelected(info, []);
    const statements = await ctx.expensive.run(
      "conversation",
      () => conversation(ctx.db, statement, depth, parts),
      ctx.db.shareKey("conversation", { statement, depth, parts }),
    );
    // The statement itself is always part of its conversation: none means there is no such statement.
    if (statements.length === 0) {
      const node = await ctx.loaders.node.load(statement);
      const what = node
        ? `${statement} is a ${node.label.toLowerCase()}, not a statement`
        : `there is no statement with id ${statement}`;
      throw notFound(`statement: ${what}`, statement);
    }
    return statements;
  },
  timeline: async (_p, args, ctx, info) => {
    if (args.from && args.to && args.from > args.to)
      throw badInput(`from (${args.from}) is after to (${args.to})`, "from");
    const query = {
      entity: args.entity,
      from: args.from,
      to: args.to,
      ...pageWindow(args),
      parts: statementPartsSelected(info, ["edges", "node"], ["nodes"]),
      withTotal: wantsTotal(info),
    };
    // The entity is looked up by the timeline's own query: no row means there is none.
    const page = await withCursor(() =>
      ctx.expensive.run("timeline", () => timeline(ctx.db, query), ctx.db.shareKey("timeline", query)),
    );
    if (!page) throw notFound(`entity: there is no node with id ${args.entity}`, args.entity);
    return page;
  },
};
