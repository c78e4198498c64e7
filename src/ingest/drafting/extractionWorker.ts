// The body of an extraction thread (src/ingest/drafting/extractionPool.ts): one article in, its draft out. It runs in a
// worker thread with a heap limit of its own, so an article that costs too much ends this thread, never the server.
import { isoCodesNamedIn } from "../words/countries";
import type { ArticleMeta } from "./draft";
import type { KnownEntity } from "../entities/entities";
import { ingestText } from "../ingest";

export interface ExtractionTask {
  text: string;
  meta: ArticleMeta;
  known: readonly KnownEntity[];
}

export default function extractArticle(task: ExtractionTask): ReturnType<typeof ingestText> {
  return ingestText(task.text, task.meta, task.known);
}

/** The states an article names (their ISO codes), so the caller can fetch their office holders before drafting. */
export function statesNamed(task: { text: string }): string[] {
  return isoCodesNamedIn(task.text);
}
