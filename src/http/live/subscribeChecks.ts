// What a subscription must pass before it starts, on WebSocket and SSE alike: the limits of queries (document size,
// tokens, depth, aliases, directives, cost) and the schema's own rules, checked once, at subscribe time. Only
// subscriptions run here: queries and mutations go over HTTP, through its rate limits, write gate and logs.
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import type { QueryLimits } from "../../config";
import { documentTooLarge } from "../limits/documentSize";
import { CostCache, queryLimits, tooComplex } from "../limits/queryLimits";

export interface SubscribeRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export interface CheckedSubscription {
  document: DocumentNode;
  operationName: string | undefined;
  variableValues: Record<string, unknown> | undefined;
}

export type SubscribeCheck = (request: SubscribeRequest) => CheckedSubscription | GraphQLError[];

function refused(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code, ...extensions } })];
}

export function subscribeChecks(schema: GraphQLSchema, limits: QueryLimits, production: boolean): SubscribeCheck {
  const { validationRules } = queryLimits(limits, production);
  const rules: ValidationRule[] = [...specifiedRules, ...validationRules];
  const costs = new CostCache();
  return (request) => {
    if (typeof request.query !== "string") return refused("a subscription needs a query (a string)", "BAD_REQUEST");
    const bytes = Buffer.byteLength(request.query, "utf8");
    if (bytes > limits.maxDocumentBytes) {
      const [error] = documentTooLarge(bytes, limits.maxDocumentBytes).errors;
      return refused(error!.message, error!.extensions.code, error!.extensions);
    }
    let document: DocumentNode;
    try {
      document = parse(request.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      return [error as GraphQLError];
    }
    const errors = validate(schema, document, rules);
    if (errors.length > 0) return [...errors];
    const operationName = request.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) return refused("the document names no operation to run (give operationName)", "BAD_REQUEST");
    if (operation.operation !== "subscription") {
      return refused(
        `only subscriptions run here; send a ${operation.operation} over HTTP (POST /graphql)`,
        "BAD_REQUEST",
      );
    }
    const variableValues = request.variables ?? undefined;
    try {
      const cost = costs.cost(schema, document, variableValues ?? {}, operationName);
      if (cost > limits.maxCost) return [tooComplex(cost, limits.maxCost)];
    } catch {
      // Variables that do not fit their types: graphql-js refuses them with their own message when it subscribes.
    }
    return { document, operationName, variableValues };
  };
}
