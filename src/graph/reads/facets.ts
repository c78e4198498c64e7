// Facets of a statement list: how the statements a filter keeps divide up by speaker, mention, kind, period and venue.
// Each facet counts over the same statements totalCount counts (the list's own traversal, so its indexes serve),
// streamed rather than collected, so a facet over millions of statements needs no memory for them. The facets of the
// statements' own properties (kind, period, undated) share one traversal: it counts the statements by kind and date,
// a few thousand groups at most, and each of those facets adds the groups up its own way.
import { nodeMap } from "../projections";
import type { FacetCounts, FacetRows } from "../rows";

export type { FacetCounts, FacetRows };

export type PeriodUnit = "DAY" | "MONTH" | "YEAR";

export type FacetRequest =
  | { kind: "bySpeaker" | "byMentioned" | "byVenue"; first: number }
  | { kind: "byPeriod"; unit: PeriodUnit }
  | { kind: "byKind" | "undated" };

/** The key of a facet's counts: its kind and arguments. */
export function facetKey(request: FacetRequest): string {
  if ("first" in request) return `${request.kind}_${request.first}`;
  if ("unit" in request) return `${request.kind}_${request.unit}`;
  return request.kind;
}

/** The period of a date of a precision under a unit (a parameter), never finer than the date's precision. */
const PERIOD = (unit: string, date: string, precision: string) =>
  `CASE WHEN ${precision} = 'YEAR' OR ${unit} = 'YEAR' THEN toString(${date}.year) ` +
  `WHEN ${precision} = 'MONTH' OR ${unit} = 'MONTH' THEN substring(toString(${date}), 0, 7) ` +
  `ELSE toString(${date}) END`;

type NodeFacet = Extract<FacetRequest, { first: number }>;
type GroupFacet = Exclude<FacetRequest, NodeFacet>;

const isNodeFacet = (request: FacetRequest): request is NodeFacet => "first" in request;

/** The counts of one facet of nodes over distinct statements s, returning `column`; `arg` is its parameter. */
function nodeAggregation(request: NodeFacet, arg: string, column: string): string {
  const top = (match: string, v: string) =>
    `${match}
    WITH ${v}, count(*) AS n ORDER BY n DESC, ${v}.id LIMIT ${arg}
    RETURN collect({node: ${nodeMap(v)}, count: n}) AS ${column}`;
  switch (request.kind) {
    case "bySpeaker":
      return top("MATCH (s)<-[:SAID]-(x)", "x");
    case "byMentioned":
      return top("MATCH (s)-[:MENTIONS]->(x)", "x");
    case "byVenue":
      return top("MATCH (s)-[:SAID_AT]->(x:Venue)", "x");
  }
}

/** One facet of the statements' own properties, added up from `groups` (counts by kind, date and precision). */
function groupAggregation(request: GroupFacet, arg: string, column: string): string {
  switch (request.kind) {
    case "byKind":
      return `UNWIND groups AS g
      WITH g.kind AS kind, sum(g.n) AS n ORDER BY kind
      RETURN collect({kind: kind, count: n}) AS ${column}`;
    case "byPeriod":
      return `UNWIND groups AS g
      WITH g WHERE g.saidOn IS NOT NULL
      WITH ${PERIOD(arg, "g.saidOn", "g.precision")} AS period, sum(g.n) AS n ORDER BY period
      RETURN collect({period: period, count: n}) AS ${column}`;
    case "undated":
      return `UNWIND groups AS g
      WITH g WHERE g.saidOn IS NULL
      RETURN sum(g.n) AS ${column}`;
  }
}

/**
 * CALLs, one per facet, over the statements `counted` matches as s under the bound parent, and the column that gathers
 * them as `facets` (a map from facetKey to counts; null when no facet is asked for). When the total is wanted and a
 * facet of the statements' own properties is asked for, the groups' traversal counts it too (column total, and
 * countsTotal says so): one traversal less than counting it apart.
 */
export function facetCalls(
  counted: string,
  requests: readonly FacetRequest[],
  withTotal = false,
): { calls: string; column: string; params: Record<string, unknown>; countsTotal: boolean } {
  if (requests.length === 0) return { calls: "", column: "null AS facets", params: {}, countsTotal: false };
  const params: Record<string, unknown> = {};
  const keys = new Map<string, string>();
  const nodeCalls: string[] = [];
  const groupCalls: string[] = [];
  const groupColumns: string[] = [];
  for (const [i, request] of requests.entries()) {
    const column = `facet${i}`;
    const param = `facet${i}`;
    if ("first" in request) params[param] = request.first;
    if ("unit" in request) params[param] = request.unit;
    keys.set(facetKey(request), column);
    if (isNodeFacet(request)) {
      nodeCalls.push(`
  CALL (parent) {
    ${counted}
    WITH DISTINCT s
    ${nodeAggregation(request, `$${param}`, column)}
  }`);
    } else {
      groupColumns.push(column);
      groupCalls.push(`
    CALL (groups) {
      ${groupAggregation(request, `$${param}`, column)}
    }`);
    }
  }
  const grouped =
    groupCalls.length === 0
      ? ""
      : `
  CALL (parent) {
    ${counted}
    WITH DISTINCT s
    WITH s.kind AS kind, s.saidOn AS saidOn, s.datePrecision AS precision, count(*) AS n
    WITH collect({kind: kind, saidOn: saidOn, precision: precision, n: n}) AS groups${groupCalls.join("")}
    RETURN ${groupColumns.join(", ")}${withTotal ? ", reduce(t = 0, g IN groups | t + g.n) AS total" : ""}
  }`;
  const calls = [...nodeCalls, grouped];
  const map = [...keys].map(([key, column]) => `${key}: ${column}`).join(", ");
  const countsTotal = withTotal && groupCalls.length > 0;
  return { calls: calls.join(""), column: `{${map}} AS facets`, params, countsTotal };
}
