// An article's draft resolved against the graph (ingestArticle, npm run ingest with a server): the graph's office
// holders help attribution, then the loader's own resolution, run as a dry run, decides which drafted entities are
// nodes already in the graph; the draft refers to those by their ids, so it reads as what an import would do.
import type { Database } from "../../graph/runtime/database";
import { officeHolders } from "../../graph/reads/ingestKnowledge";
import type { Dataset } from "../../load/dataset";
import { loadDataset, type LoadResult } from "../../load/loader";
import type { ArticleMeta } from "./draft";
import type { Extraction } from "../extract";
import type { ExtractionPool } from "./extractionPool";

export interface ArticleDraft {
  /** The draft under the graph's ids where resolution found its entities. */
  dataset: Dataset;
  /** The draft as extracted, under its own ids (what the report's `incoming` ids name). */
  drafted: Dataset;
  extraction: Extraction;
  /** The dry run's report: a decision per drafted entity and statement. */
  report: LoadResult;
  /** Drafted id → the graph's id (merged), or the free id of a new entity drafted under a taken one. */
  resolvedIds: Map<string, string>;
}

/** Extraction runs in `pool`'s threads (never on the event loop); resolution is a dry run of the loader. */
export async function draftArticle(
  db: Database,
  pool: ExtractionPool,
  text: string,
  meta: ArticleMeta,
): Promise<ArticleDraft> {
  const known = await officeHolders(db, await pool.statesNamed(text));
  const { dataset, extraction } = await pool.draft(text, meta, known);
  const report = await loadDataset(db, dataset, { file: meta.fileName ?? "ingestArticle", dryRun: true });
  // Merged entities take their node's id; new ones drafted under another node's id, the free id they would get.
  const resolvedIds = new Map([
    ...report.mergedInto.map((m) => [m.id, m.into] as const),
    ...report.renamed.map((r) => [r.id, r.to] as const),
  ]);
  return { dataset: withResolvedIds(dataset, resolvedIds), drafted: dataset, extraction, report, resolvedIds };
}

/** The dataset with merged entities under the graph's ids (two drafted entities of one node become one entry). */
export function withResolvedIds(dataset: Dataset, to: ReadonlyMap<string, string>): Dataset {
  const id = (x: string) => to.get(x) ?? x;
  const entities = <T extends { id: string; aliases: string[] }>(list: T[]): T[] => {
    const byId = new Map<string, T>();
    for (const e of list) {
      const resolved = { ...e, id: id(e.id) };
      const first = byId.get(resolved.id);
      if (first) first.aliases = [...new Set([...first.aliases, ...resolved.aliases])];
      else byId.set(resolved.id, resolved);
    }
    return [...byId.values()];
  };
  return {
    ...dataset,
    people: entities(dataset.people),
    states: entities(dataset.states),
    organizations: entities(dataset.organizations).map((o) =>
      typeof o.partOf === "string" ? { ...o, partOf: id(o.partOf) } : o,
    ),
    venues: entities(dataset.venues),
    events: entities(dataset.events),
    statements: dataset.statements.map((s) => ({
      ...s,
      speaker: id(s.speaker),
      ...(typeof s.venue === "string" ? { venue: id(s.venue) } : {}),
      ...(typeof s.event === "string" ? { event: id(s.event) } : {}),
      mentions: [...new Set(s.mentions.map(id))],
    })),
  };
}
