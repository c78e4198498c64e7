// Checks list arguments and turns them into data-layer queries (with the parts the selection asks for).
import type { GraphQLResolveInfo } from "graphql";
import { CursorError } from "../../graph/cursor";
import type { PageWindow } from "../../graph/pages";
import type { StatementParts } from "../../graph/projections";
import type { StatementAnchor, StatementFilter, StatementOrder, StatementQuery } from "../../graph/reads/statements";
import { badInput } from "../errors";
import { selectedFacets } from "./facets";
import { perSelection, selectedFields } from "./lookahead";
import { statementPropertiesSelected } from "./selectedProperties";
import { checkTextFilter } from "../limits/textInputs";

/** The largest page: first and last are at most this, on every list at every depth. */
export const MAX_FIRST = 100;

/** The page size when a list is given neither first nor last. */
export const DEFAULT_PAGE_SIZE = 20;

/** Relay's paging arguments, as every connection field takes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function checkSize(argument: "first" | "last", value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_FIRST) {
    throw badInput(`${argument} must be between 0 and ${MAX_FIRST}, got ${value}`, argument);
  }
  return value;
}

/**
 * The window of a list that Relay's arguments ask for: first (default 20) items after `after`, or the last items
 * before `before`; both bounds may be given. first and last together are refused: one page has one size.
 */
export function pageWindow(args: PageArgs): PageWindow {
  const window = { after: args.after ?? null, before: args.before ?? null };
  if (typeof args.last === "number") {
    if (typeof args.first === "number") throw badInput("give first or last, not both", "last");
    return { ...window, size: checkSize("last", args.last), backward: true };
  }
  return { ...window, size: checkSize("first", args.first ?? DEFAULT_PAGE_SIZE) };
}

/** Runs a data-layer call, reporting a bad cursor as the client's mistake, naming the argument it came in. */
export async function withCursor<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CursorError) throw badInput(e.message, e.argument);
    throw e;
  }
}

export function wantsTotal(info: GraphQLResolveInfo): boolean {
  return selectedFields(info, []).has("totalCount");
}

export interface StatementListArgs extends PageArgs {
  filter?: StatementFilter | null;
  orderBy?: StatementOrder | null;
}

/** A statement filter as every list of statements takes it (and statementAdded): BAD_USER_INPUT when it is wrong. */
export function checkStatementFilter<F extends StatementFilter>(filter: F): F {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw badInput(`filter.from (${filter.from}) is after filter.to (${filter.to})`, "filter.from");
  }
  checkTextFilter(filter.text);
  return filter;
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
  const filter = checkStatementFilter(args.filter ?? {});
  return {
    anchor,
    filter,
    order: args.orderBy ?? "SAID_ON_DESC",
    ...pageWindow(args),
    parts: statementPartsSelected(info, ["edges", "node"], ["nodes"]),
    withTotal: wantsTotal(info),
    facets: selectedFacets(info),
  };
}

/**
 * The linked parts of statements the query selects at the end of any of these paths, to fetch with them, and the
 * properties of both that it reads.
 */
export function statementPartsSelected(info: GraphQLResolveInfo, ...paths: string[][]): Readonly<StatementParts> {
  return perSelection(info, `parts ${JSON.stringify(paths)}`, () => {
    const fields = selectedFields(info, ...paths);
    return Object.freeze({
      speaker: fields.has("speaker"),
      venue: fields.has("venue"),
      event: fields.has("event"),
      mentions: fields.has("mentions"),
      evidence: fields.has("evidence") || fields.has("sourceCount") || fields.has("extraction"),
      ...statementPropertiesSelected(info, ...paths),
    });
  });
}
