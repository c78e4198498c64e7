// GraphQL errors with codes clients can branch on; messages say what was wrong and where.
import { GraphQLError } from "graphql";

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}) } });
}

export function notFound(message: string, id?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "NOT_FOUND", ...(id ? { id } : {}) } });
}
