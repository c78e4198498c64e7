// Checks list arguments and turns them into data-layer queries (with the parts the selection asks for).
import type { GraphQLResolveInfo } from "graphql";
import { CursorError } from "../graph/cursor";
import type { StatementParts } from "../graph/projections";
import type { StatementAnchor, StatementFilter, StatementOrder, StatementQuery } from "../graph/statements";
import { badInput } from "./errors";
import { selectedFields } from "./lookahead";
import { checkTextFilter } from "./textInputs";

export const MAX_FIRST = 100;

export function checkFirst(first: number | null | undefined, fallback = 20, max = MAX_FIRST): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw badInput(`first must be between 0 and ${max}, got ${value}`, "first");
  }
  return value;
}

/** Runs a data-layer call, reporting a bad cursor as the client's mistake. */
export async function withCursor<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CursorError) throw badInput(e.message, "after");
    throw e;
  }
}

export function wantsTotal(info: GraphQLResolveInfo): boolean {
  return selectedFields(info, []).has("totalCount");
}

export interface StatementListArgs {
  filter?: StatementFilter | null;
  orderBy?: StatementOrder | null;
  first?: number | null;
  after?: string | null;
}

export function statementQuery(args: StatementListArgs, info: GraphQLResolveInfo): StatementQuery;
export function statementQuery(
  args: StatementListArgs,
  info: GraphQLResolveInfo,
  anchor: StatementAnchor,
): StatementQuery & { anchor: StatementAnchor };
export function statementQuery(
  args: StatementListArgs,
  info: GraphQLResolveInfo,
  anchor?: StatementAnchor,
): StatementQuery {
  const filter = args.filter ?? {};
  if (filter.from && filter.to && filter.from > filter.to) {
    throw badInput(`filter.from (${filter.from}) is after filter.to (${filter.to})`, "filter.from");
  }
  checkTextFilter(filter.text);
  return {
    anchor,
    filter,
    order: args.orderBy ?? "SAID_ON_DESC",
    first: checkFirst(args.first),
    after: args.after ?? null,
    parts: statementPartsSelected(info, ["edges", "node"], ["nodes"]),
    withTotal: wantsTotal(info),
  };
}

/** The linked parts of statements the query selects at the end of any of these paths, to fetch with them. */
export function statementPartsSelected(info: GraphQLResolveInfo, ...paths: string[][]): StatementParts {
  const fields = selectedFields(info, ...paths);
  return {
    speaker: fields.has("speaker"),
    venue: fields.has("venue"),
    event: fields.has("event"),
    mentions: fields.has("mentions"),
    evidence: fields.has("evidence") || fields.has("sourceCount") || fields.has("extraction"),
  };
}
