// A budget on the size of one answer: every field the answer holds counts 1 (each field of each list item, scalars
// included), and the field past MAX_RESPONSE_FIELDS is refused with RESPONSE_TOO_LARGE before its resolver runs. So
// an answer stops growing while it is being resolved — no further Neo4j query is sent for it, nothing more is built —
// instead of being built whole and measured after. The cost rule (src/http/limits/queryLimits.ts) refuses what it can
// see up front; it has to guess the length of unpaged lists (a statement's responses: 20, when there may be 100), and
// this budget is what holds when the data is denser than the guess (a conversation in which everyone answers
// everyone).
import { buildSchema, defaultFieldResolver, GraphQLError, isObjectType, type GraphQLFieldResolver } from "graphql";

export const RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

/** The fields one request's answer has used so far, and how many it may use. */
export class ResponseBudget {
  used = 0;
  private refused: GraphQLError | undefined;

  constructor(readonly maxFields: number) {}

  /**
   * The error every field past the budget gets (src/http/limits/responseSize.ts keeps one of them, and the status
   * 400): one object, made once, so that the fields still under way when the budget ran out do not each capture a
   * stack.
   */
  refusal(): GraphQLError {
    this.refused ??= new GraphQLError(
      `The answer would hold more than ${this.maxFields} fields (MAX_RESPONSE_FIELDS); nothing of it is returned. ` +
        "Ask for less: smaller pages (first), fewer aliases or nested lists, a smaller conversation maxDepth.",
      { extensions: { code: RESPONSE_TOO_LARGE, maxResponseFields: this.maxFields } },
    );
    return this.refused;
  }
}

type Resolver = GraphQLFieldResolver<unknown, { budget?: ResponseBudget } | undefined>;

/** Counts the field against the request's budget, then resolves it as before (a value stays a value: no promise). */
function budgeted(resolve: Resolver): Resolver {
  return (source, args, context, info) => {
    const budget = context?.budget;
    if (budget !== undefined && ++budget.used > budget.maxFields) throw budget.refusal();
    return resolve(source, args, context, info);
  };
}

type ResolverMap = Record<string, unknown>;

/**
 * The resolvers with every field of every object type of typeDefs counted: fields without a resolver of their own get
 * the default one, counted. Scalars, enums, and the type resolvers of interfaces and unions are left as they are.
 */
export function withResponseBudget<R extends object>(typeDefs: string, resolvers: R): R {
  const out: Record<string, unknown> = { ...(resolvers as Record<string, unknown>) };
  for (const type of Object.values(buildSchema(typeDefs).getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const given = ((resolvers as Record<string, unknown>)[type.name] ?? {}) as ResolverMap;
    const fields: ResolverMap = { ...given };
    for (const name of Object.keys(type.getFields())) {
      const field = given[name];
      if (field === undefined) fields[name] = budgeted(defaultFieldResolver as Resolver);
      else if (typeof field === "function") fields[name] = budgeted(field as Resolver);
      else if (typeof field === "object" && field !== null && "resolve" in field) {
        fields[name] = { ...field, resolve: budgeted((field as { resolve: Resolver }).resolve) };
      }
    }
    out[type.name] = fields;
  }
  return out as R;
}
