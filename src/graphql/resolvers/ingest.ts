// ingestArticle: an article's text in, its draft out (statements with spans, speakers and confidence; entities with
// their resolution), imported as it stands when asked to with the bearer token.
import type { MutationResolvers } from "../../generated/graphql";
import { ArticleError, checkArticleText, checkPublished } from "../../ingest/drafting/article";
import type { Dataset } from "../../load/dataset";
import { draftArticle, type ArticleDraft } from "../../ingest/drafting/draftArticle";
import { loadDataset } from "../../load/loader";
import { extractionRefusal } from "../limits/articleDrafting";
import { badInput } from "../errors";
import { actorOf, write } from "./mutations";

type EntityList = "people" | "states" | "organizations" | "venues" | "events";
const TYPES: Record<EntityList, string> = {
  people: "PERSON",
  states: "STATE",
  organizations: "ORGANIZATION",
  venues: "VENUE",
  events: "EVENT",
};

/** The draft's entities under the graph's ids, each with the decision resolution took for it. */
function draftEntities(draft: ArticleDraft) {
  const byId = new Map<string, ReturnType<typeof entityOf>>();
  function entityOf(list: EntityList, e: Dataset[EntityList][number]) {
    const id = draft.resolvedIds.get(e.id) ?? e.id;
    return {
      id,
      type: TYPES[list],
      name: e.name,
      aliases: e.aliases,
      confidence: e.extraction?.confidence ?? 1,
      cue: e.extraction?.cue ?? "",
      resolution: draft.report.resolution.find((r) => r.incoming === e.id) ?? null,
    };
  }
  for (const list of Object.keys(TYPES) as EntityList[]) {
    for (const e of draft.drafted[list]) {
      const entity = entityOf(list, e);
      if (!byId.has(entity.id)) byId.set(entity.id, entity);
    }
  }
  return byId;
}

export const ingestResolvers: Pick<MutationResolvers, "ingestArticle"> = {
  ingestArticle: async (_p, { input, dryRun }, ctx) => {
    let text: string;
    try {
      text = checkArticleText(input.text, "input.text");
      checkPublished(input.publishedOn, "input.publishedOn");
    } catch (e) {
      if (e instanceof ArticleError) throw badInput(e.message, e.message.split(":")[0]);
      throw e;
    }
    const meta = {
      publishedOn: input.publishedOn,
      title: input.title ?? undefined,
      url: input.url ?? undefined,
      publisher: input.publisher ?? undefined,
    };
    // Anonymous dry runs count against the client's rate; a write needs the token, which no rate limits.
    await ctx.drafting.admit(ctx.client, !ctx.auth.identity);
    const run = async () => {
      const draft = await draftArticle(ctx.db, ctx.drafting.pool, text, meta).catch((e: unknown) => {
        throw extractionRefusal(e);
      });
      const entities = draftEntities(draft);
      const report =
        dryRun === false
          ? await loadDataset(ctx.db, draft.dataset, { file: "ingestArticle", actor: actorOf(ctx) })
          : draft.report;
      return {
        dataset: draft.dataset,
        statements: draft.dataset.statements.map((s, i) => {
          const extracted = draft.extraction.statements[i]!;
          const venue = typeof s.venue === "string" ? s.venue : s.venue?.id;
          const event = typeof s.event === "string" ? s.event : s.event?.id;
          return {
            id: s.id,
            kind: s.kind,
            text: s.text,
            speaker: entities.get(s.speaker)!,
            saidOn: s.saidOn ?? null,
            datePrecision: s.datePrecision ?? null,
            venue: venue ? (entities.get(venue) ?? null) : null,
            event: event ? (entities.get(event) ?? null) : null,
            mentions: s.mentions.map((m) => entities.get(m)!).filter(Boolean),
            parts: extracted.parts,
            evidence: s.evidence,
            confidence: s.extraction?.confidence ?? 1,
            cue: s.extraction?.cue ?? "",
          };
        }),
        entities: [...entities.values()],
        unattributed: draft.extraction.unattributed,
        import: {
          sourceId: report.sourceId,
          ...report.counts,
          mergedInto: report.mergedInto,
          resolution: report.resolution,
          dryRun: report.dryRun,
        },
        dryRun: report.dryRun,
      };
    };
    return dryRun === false ? write(ctx, "ingestArticle", run) : run();
  },
};
