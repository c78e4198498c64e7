// The facets a statement list's selection asks for, read ahead so the page query counts them in the same round trip,
// and the facet fields' resolvers, which read those counts back by the same key.
import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from "graphql";
import {
  facetKey,
  type FacetCounts,
  type FacetRequest,
  type FacetRows,
  type PeriodUnit,
} from "../../graph/reads/facets";
import type { MentionDirection } from "../../graph/reads/mentionCounts";
import { MAX_FIRST } from "./arguments";
import type { GraphQLContext } from "../context";
import { badInput } from "../errors";
import { childFields, childFieldsNamed } from "./lookahead";

const TOP_FACETS = new Set(["bySpeaker", "byMentioned", "byVenue"]);

/** How many of the most frequent a count field keeps (default 10); BAD_USER_INPUT naming first when out of range. */
function topFirst(first: number | null | undefined): number {
  const value = first ?? 10;
  if (!Number.isInteger(value) || value < 0 || value > MAX_FIRST) {
    throw badInput(`first must be between 0 and ${MAX_FIRST}, got ${value}`, "first");
  }
  return value;
}

/** A facet field's arguments as a request; BAD_USER_INPUT naming first when it is out of range. */
export function facetRequest(field: string, args: { first?: number | null; unit?: PeriodUnit | null }): FacetRequest {
  if (TOP_FACETS.has(field))
    return { kind: field as "bySpeaker" | "byMentioned" | "byVenue", first: topFirst(args.first) };
  if (field === "byPeriod") return { kind: "byPeriod", unit: args.unit ?? "MONTH" };
  return { kind: field as "byKind" | "undated" };
}

/**
 * Every facet selected below this connection field, with its arguments; one whose arguments are wrong is left out (its
 * own resolver reports it where it belongs).
 */
export function selectedFacets(info: GraphQLResolveInfo): FacetRequest[] {
  const facets = childFieldsNamed(info.fieldNodes, info.fragments, "facets");
  if (facets.length === 0) return [];
  const type = info.schema.getType("StatementFacets");
  if (!isObjectType(type)) return [];
  const requests = new Map<string, FacetRequest>();
  for (const nodes of childFields(facets, info.fragments).values()) {
    for (const node of nodes) {
      const definition = type.getFields()[node.name.value];
      if (!definition) continue;
      try {
        const request = facetRequest(node.name.value, getArgumentValues(definition, node, info.variableValues));
        requests.set(facetKey(request), request);
      } catch {
        // Reported by the facet's resolver.
      }
    }
  }
  return [...requests.values()].sort((a, b) => (facetKey(a) < facetKey(b) ? -1 : 1));
}

/** A facet field's resolver: the counts the page query made for these arguments. */
export function facetField<F extends keyof FacetCounts>(field: F) {
  return (rows: FacetRows, args: { first?: number | null; unit?: PeriodUnit | null }): FacetCounts[F] => {
    const counts = rows[facetKey(facetRequest(field, args))];
    if (counts === undefined) throw new Error(`the ${field} facet was not counted with the page`);
    // The page query counted this facet under this key (see selectedFacets).
    return counts as FacetCounts[F];
  };
}

/** Co-occurrence fields (Speaker.mentionsMost, Node.mentionedMostBy): batched across the nodes of a response. */
export function mentionCountField<T>(direction: MentionDirection) {
  return async (node: { id: string }, args: { first?: number | null }, ctx: GraphQLContext): Promise<T> => {
    const counts = await ctx.loaders.mentionCounts(direction, topFirst(args.first)).load(node.id);
    // The counts' nodes are speakers or any node, as the direction says.
    return counts as T;
  };
}
