// Fields of a statement: linked parts come with the statement when the query asked for them, else in one batch.
import type { Resolvers } from "../../generated/graphql";
import type { StatementRow } from "../../graph/rows";
import type { GraphQLContext } from "../context";
import { notFound } from "../errors";

async function withParts(s: StatementRow, ctx: GraphQLContext): Promise<StatementRow> {
  const full = await ctx.loaders.statementWithParts.load(s.id);
  if (!full) throw notFound(`statement ${s.id} no longer exists`, s.id);
  return full;
}

export const statementResolvers: Resolvers = {
  Statement: {
    recurring: (s) => s.recurring ?? false,
    saidOn: (s) => s.saidOn ?? null,
    datePrecision: (s) => s.datePrecision ?? null,
    speaker: async (s, _a, ctx) => {
      const speaker = s.speaker ?? (await withParts(s, ctx)).speaker;
      if (!speaker) throw notFound(`statement ${s.id} has no speaker`, s.id);
      return speaker;
    },
    venue: async (s, _a, ctx) => (s.venue !== undefined ? s.venue : (await withParts(s, ctx)).venue) ?? null,
    event: async (s, _a, ctx) => (s.event !== undefined ? s.event : (await withParts(s, ctx)).event) ?? null,
    mentions: async (s, _a, ctx) => s.mentions ?? (await withParts(s, ctx)).mentions ?? [],
    evidence: async (s, _a, ctx) => s.evidence ?? (await withParts(s, ctx)).evidence ?? [],
  },
  Evidence: {},
};
