// Limits that keep one hostile or careless request from overloading the server or Neo4j: depth, aliases, tokens and
// directives (GraphQL Armor), tokens (graphql-js), and an estimated cost in which list sizes multiply
// (graphql-query-complexity).
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import type { QueryLimits } from "../../config";
import { MAX_CONVERSATION_STATEMENTS } from "../../domain/responses";
import { DEFAULT_PAGE_SIZE, MAX_FIRST } from "../../graphql/fetching/arguments";
import type { GraphQLContext } from "../../graphql/context";
import { textPieceSize } from "../../graphql/limits/textPieces";

/** Assumed size of lists that are not paged (a statement's mentions, an event's participants). */
const UNPAGED_LIST_SIZE = 5;

/** Root fields whose work grows with the graph, not only with what they return (they read and rank many nodes). */
const SCANNING_FIELD_COST: Record<string, number> = { timeline: 50, search: 50, path: 50, conversation: 50 };

/** Root lists that are not paged but bounded: they count as their largest size. */
const BOUNDED_LIST_SIZE: Record<string, number> = { conversation: MAX_CONVERSATION_STATEMENTS };

/**
 * Unpaged lists that are often longer than UNPAGED_LIST_SIZE: a statement's responses (up to MAX_RESPONSES each way)
 * count as 20, not their most (100), which would price the explorer's thread (100 statements and what each answers)
 * out of MAX_COST. So four aliases of a conversation with both directions (4 × 100 statements × 2 × 20 responses)
 * are refused up front; what the guess misses in denser threads, MAX_RESPONSE_FIELDS stops while the answer is
 * resolved (src/graphql/limits/responseBudget.ts).
 */
const LIST_SIZE: Record<string, number> = { "Statement.respondsTo": 20, "Statement.responses": 20 };

/**
 * The size a root list counts as: a conversation of depth 0 is the one statement; a gateway's `_entities` (with
 * FEDERATION on) returns one entity per representation it sends.
 */
function boundedSize(field: string, args: Record<string, unknown>): number | undefined {
  if (field === "conversation" && args.maxDepth === 0) return 1;
  if (field === "_entities" && Array.isArray(args.representations)) return args.representations.length;
  return BOUNDED_LIST_SIZE[field];
}

/** A statement list's facets count every statement its filter keeps, whatever the page. */
const FACETS_COST = 50;

/** A text field costs 1 per this many characters it can return. */
const CHARACTERS_PER_COST_UNIT = 1000;

/**
 * The page a connection's `first` or `last` (else the default) can return. A size outside 0–MAX_FIRST never runs (the
 * field refuses it with BAD_USER_INPUT, naming the argument), so it counts as the largest page: the cost rule must
 * not turn that field's mistake into the loss of the whole response, and at the root and nested alike the same
 * argument gets the same answer.
 */
function pageSize(args: Record<string, unknown>): number {
  const size = [args.first, args.last].find((value) => typeof value === "number") ?? DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(size, 1), MAX_FIRST);
}

/**
 * Each field costs 1 plus what it selects, times the list size: `first`, or a guess for unpaged lists. Source texts
 * cost by the characters they can return, and root fields that scan the graph cost extra.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name === "Source" && field.name === "text")
    return 1 + Math.ceil(textPieceSize(args) / CHARACTERS_PER_COST_UNIT);
  if (type.name === "StatementConnection" && field.name === "facets") return 1 + FACETS_COST + childComplexity;
  const extra = type.name === "Query" ? (SCANNING_FIELD_COST[field.name] ?? 0) : 0;
  const returns = getNamedType(field.type).name;
  if (returns.endsWith("Connection")) return 1 + extra + childComplexity * pageSize(args);
  // A connection's edges and nodes are the page its size already counted.
  if (type.name.endsWith("Connection")) return 1 + childComplexity;
  if (isListType(getNullableType(field.type))) {
    const size =
      (type.name === "Query" ? boundedSize(field.name, args) : LIST_SIZE[`${type.name}.${field.name}`]) ??
      UNPAGED_LIST_SIZE;
    return 1 + extra + childComplexity * size;
  }
  return 1 + extra + childComplexity;
};

/** Costs remembered per document, by operation and variables; past this many a document's are forgotten. */
const COSTS_PER_DOCUMENT = 64;
/** Operations and variables longer than this are costed each time, not remembered. */
const MAX_COST_KEY = 4096;

/**
 * The cost of an operation, remembered: Apollo hands the same parsed document to every request that sends the same
 * query text (its document store), and the cost depends only on that document, the operation chosen and the
 * variables (list sizes), so a client that repeats a query with the same variables pays the walk over it once
 * (~50 µs of a look-up's ~2 ms of Node CPU on a 2-core EPYC). Mutations are costed each time (`remember` false):
 * they are not repeated, and an import's variables hold a whole dataset, too large to serialise as a key for nothing.
 * Throws as getComplexity does.
 */
export class CostCache {
  private readonly costs = new WeakMap<DocumentNode, Map<string, number>>();

  /** `walk`: getComplexity, or a test's counting stand-in for it. */
  constructor(private readonly walk: typeof getComplexity = getComplexity) {}

  cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown>,
    operation?: string,
    remember = true,
  ): number {
    const compute = () =>
      this.walk({ schema, query: document, variables, operationName: operation, estimators: [listSizeEstimator] });
    if (!remember) return compute();
    const key = `${operation ?? ""}\n${JSON.stringify(variables)}`;
    if (key.length > MAX_COST_KEY) return compute();
    let known = this.costs.get(document);
    if (!known) this.costs.set(document, (known = new Map()));
    let cost = known.get(key);
    if (cost === undefined) {
      cost = compute();
      if (known.size >= COSTS_PER_DOCUMENT) known.clear();
      known.set(key, cost);
    }
    return cost;
  }
}

/** The refusal of an operation whose estimated cost is over MAX_COST (queries here, subscriptions in live/). */
export function tooComplex(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `Query cost ${cost} exceeds the maximum of ${maxCost}: ` +
      "list sizes multiply, so ask for smaller pages (first, last) or fewer nested lists",
    { extensions: { code: "QUERY_TOO_COMPLEX", cost, maxCost, http: { status: 400 } } },
  );
}

function costLimit(maxCost: number): ApolloServerPlugin<GraphQLContext> {
  const costs = new CostCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          let cost: number;
          try {
            const name = request.operationName ?? undefined;
            const query = operation?.operation === "query";
            cost = costs.cost(schema, document, request.variables ?? {}, name, query);
          } catch {
            // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT before anything runs.
            return;
          }
          if (cost > maxCost) throw tooComplex(cost, maxCost);
        },
      };
    },
  };
}

export interface Limits {
  plugins: ApolloServerPlugin<GraphQLContext>[];
  validationRules: ValidationRule[];
  /**
   * graphql-js counts tokens while parsing, so an oversized document is refused before it is built. No locations: a
   * located document holds its whole text and every token of it for as long as Apollo caches it (documentCache.ts);
   * errors get their locations back from errorLocations.ts.
   */
  parseOptions: { maxTokens: number; noLocation: true };
}

export function queryLimits(limits: QueryLimits, production: boolean): Limits {
  const armor = new ApolloArmor({
    // Fragments and inline fragments are not levels of the response, so they do not count.
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { enabled: false },
    // "Did you mean …?" reveals the schema; hide it where introspection is off too.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    plugins: [...(armor.plugins as ApolloServerPlugin<GraphQLContext>[]), costLimit(limits.maxCost)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens, noLocation: true },
  };
}
