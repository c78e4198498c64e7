// Fields of a statement: linked parts come with the statement when the query asked for them, else in one batch.
import type { SpeakerCountRow } from "../../graph/reads/mentionCounts";
import { mentionCountField } from "../fetching/facets";
import type { Resolvers } from "../../generated/graphql";
import type { StatementRow } from "../../graph/rows";
import { statementPropertiesSelected } from "../fetching/selectedProperties";
import type { GraphQLContext } from "../context";
import { notFound } from "../errors";

async function withParts(s: StatementRow, ctx: GraphQLContext): Promise<StatementRow> {
  const full = await ctx.loaders.statementWithParts.load(s.id);
  if (!full) throw notFound(`statement ${s.id} no longer exists`, s.id);
  return full;
}

// Parts that came with the statement are returned as they are (no promise per field: 20 statements × 4 parts add
// up); only missing ones go through the batch loader.
export const statementResolvers: Resolvers = {
  Statement: {
    mentionedMostBy: mentionCountField<SpeakerCountRow[]>("mentionedMostBy"),
    recurring: (s) => s.recurring ?? false,
    saidOn: (s) => s.saidOn ?? null,
    datePrecision: (s) => s.datePrecision ?? null,
    speaker: (s, _a, ctx) => {
      if (s.speaker) return s.speaker;
      return withParts(s, ctx).then(({ speaker }) => {
        if (!speaker) throw notFound(`statement ${s.id} has no speaker`, s.id);
        return speaker;
      });
    },
    venue: (s, _a, ctx) => (s.venue !== undefined ? s.venue : withParts(s, ctx).then((full) => full.venue ?? null)),
    event: (s, _a, ctx) => (s.event !== undefined ? s.event : withParts(s, ctx).then((full) => full.event ?? null)),
    mentions: (s, _a, ctx) => s.mentions ?? withParts(s, ctx).then((full) => full.mentions ?? []),
    evidence: (s, _a, ctx) => s.evidence ?? withParts(s, ctx).then((full) => full.evidence ?? []),
    sourceCount: async (s, _a, ctx) => {
      const evidence = s.evidence ?? (await withParts(s, ctx)).evidence ?? [];
      return new Set(evidence.map((e) => e.source.id)).size;
    },
    extraction: async (s, _a, ctx) => {
      const evidence = s.evidence ?? (await withParts(s, ctx)).evidence ?? [];
      const bySource = new Map<
        string,
        { source: (typeof evidence)[number]["source"]; confidence: number; cue: string }
      >();
      for (const e of evidence)
        if (e.extraction && !bySource.has(e.source.id))
          bySource.set(e.source.id, { source: e.source, ...e.extraction });
      return [...bySource.values()];
    },
    // The statements at the other end come with only the properties the query reads of them.
    respondsTo: (s, _a, ctx, info) =>
      ctx.loaders.responses("respondsTo", statementPropertiesSelected(info, ["statement"]).properties).load(s.id),
    responses: (s, _a, ctx, info) =>
      ctx.loaders.responses("responses", statementPropertiesSelected(info, ["statement"]).properties).load(s.id),
    claims: async (s, args, ctx) => {
      const claims = await ctx.loaders.claims.load(s.id);
      return args.field ? claims.filter((c) => c.field === args.field) : claims;
    },
  },
  Evidence: {},
};
