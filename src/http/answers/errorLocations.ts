// Where in the document an error is. Documents are parsed without locations (limits/queryLimits.ts): with them, every
// node of a parsed document points at the whole text and its tokens, comments included, for as long as Apollo keeps it
// (limits/documentCache.ts). An error about a part of the document (an unknown field, a resolver's refusal) would then
// have no `locations`; this plugin gives them back, from a second parse of the text, with locations, done only for a
// request that has such errors and only as long as it runs. Clients see the `locations` a located parse gives.
import type { ApolloServerPlugin } from "@apollo/server";
import { getLocation, parse, type ASTNode, type DocumentNode, type GraphQLError, type SourceLocation } from "graphql";

/** Pairs every node of `bare` with the node in the same place of `located`: the same text, parsed with locations. */
function pairNodes(bare: unknown, located: unknown, pairs: Map<unknown, ASTNode>): void {
  if (typeof bare !== "object" || bare === null || typeof located !== "object" || located === null) return;
  if (Array.isArray(bare)) {
    bare.forEach((item, i) => pairNodes(item, (located as unknown[])[i], pairs));
    return;
  }
  if ("kind" in bare) pairs.set(bare, located as ASTNode);
  for (const [key, value] of Object.entries(bare)) {
    if (key !== "loc") pairNodes(value, (located as Record<string, unknown>)[key], pairs);
  }
}

/**
 * Sets the `locations` of each error that names nodes of `document` but has none, from `source`, the text the
 * document was parsed from. Leaves the errors as they are when the text does not parse again.
 */
export function locateErrors(errors: readonly GraphQLError[], document: DocumentNode, source: string): void {
  const unlocated = errors.filter((error) => !error.locations && error.nodes?.length);
  if (unlocated.length === 0) return;
  let located: DocumentNode;
  try {
    located = parse(source);
  } catch {
    return;
  }
  const pairs = new Map<unknown, ASTNode>();
  pairNodes(document, located, pairs);
  for (const error of unlocated) {
    const locations = (error.nodes ?? []).flatMap((node): SourceLocation[] => {
      const loc = pairs.get(node)?.loc;
      return loc ? [getLocation(loc.source, loc.start)] : [];
    });
    // `locations` is read-only in graphql-js's types only; toJSON() reads it when Apollo formats the error.
    if (locations.length > 0) (error as { locations?: readonly SourceLocation[] }).locations = locations;
  }
}

export function errorLocationsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, document, source }) {
          if (document && source !== undefined) locateErrors(errors, document, source);
        },
      };
    },
  };
}
