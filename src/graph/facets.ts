// Facets of a statement list: how the statements a filter keeps divide up by speaker, mention, kind, period and venue.
// Each facet is one aggregation over the same statements totalCount counts (the list's own traversal, so its indexes
// serve), streamed rather than collected, so a facet over millions of statements needs no memory for them.
import { nodeMap } from "./projections";
import type { NodeRow, SpeakerRow, VenueRow } from "./rows";

export type PeriodUnit = "DAY" | "MONTH" | "YEAR";

export type FacetRequest =
  | { kind: "bySpeaker" | "byMentioned" | "byVenue"; first: number }
  | { kind: "byPeriod"; unit: PeriodUnit }
  | { kind: "byKind" | "undated" };

/** What each facet counts. */
export interface FacetCounts {
  bySpeaker: { node: SpeakerRow; count: number }[];
  byMentioned: { node: NodeRow; count: number }[];
  byVenue: { node: VenueRow; count: number }[];
  byKind: { kind: "DIRECT_QUOTE" | "REPORTED"; count: number }[];
  byPeriod: { period: string; count: number }[];
  undated: number;
}

/** Each facet's counts by the key facetKey gives it (a facet asked twice with other arguments is counted twice). */
export type FacetRows = Record<string, FacetCounts[keyof FacetCounts]>;

/** The key of a facet's counts: its kind and arguments. */
export function facetKey(request: FacetRequest): string {
  if ("first" in request) return `${request.kind}_${request.first}`;
  if ("unit" in request) return `${request.kind}_${request.unit}`;
  return request.kind;
}

/** The period of a dated statement s under a unit (a parameter), never finer than its date's precision. */
const PERIOD = (unit: string) =>
  `CASE WHEN s.datePrecision = 'YEAR' OR ${unit} = 'YEAR' THEN toString(s.saidOn.year) ` +
  `WHEN s.datePrecision = 'MONTH' OR ${unit} = 'MONTH' THEN substring(toString(s.saidOn), 0, 7) ` +
  `ELSE toString(s.saidOn) END`;

/** The aggregation of one facet over distinct statements s, returning `column`; `arg` is its parameter. */
function aggregation(request: FacetRequest, arg: string, column: string): string {
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
    case "byKind":
      return `WITH s.kind AS kind, count(*) AS n ORDER BY kind
    RETURN collect({kind: kind, count: n}) AS ${column}`;
    case "byPeriod":
      return `WITH s WHERE s.saidOn IS NOT NULL
    WITH ${PERIOD(arg)} AS period, count(*) AS n ORDER BY period
    RETURN collect({period: period, count: n}) AS ${column}`;
    case "undated":
      return `WITH s WHERE s.saidOn IS NULL
    RETURN count(s) AS ${column}`;
  }
}

/**
 * CALLs, one per facet, over the statements `counted` matches as s under the bound parent, and the column that gathers
 * them as `facets` (a map from facetKey to counts; null when no facet is asked for).
 */
export function facetCalls(
  counted: string,
  requests: readonly FacetRequest[],
): { calls: string; column: string; params: Record<string, unknown> } {
  if (requests.length === 0) return { calls: "", column: "null AS facets", params: {} };
  const params: Record<string, unknown> = {};
  const keys = new Map<string, string>();
  const calls = requests.map((request, i) => {
    const column = `facet${i}`;
    const param = `facet${i}`;
    if ("first" in request) params[param] = request.first;
    if ("unit" in request) params[param] = request.unit;
    keys.set(facetKey(request), column);
    return `
  CALL (parent) {
    ${counted}
    WITH DISTINCT s
    ${aggregation(request, `$${param}`, column)}
  }`;
  });
  const map = [...keys].map(([key, column]) => `${key}: ${column}`).join(", ");
  return { calls: calls.join(""), column: `{${map}} AS facets`, params };
}
