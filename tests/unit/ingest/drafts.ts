// What the extractor drafts from a text written in a test: the extraction, and each statement's speaker with the
// first words of each of its parts.
import { extract } from "../../../src/ingest/extract";

const PUBLISHED = "2026-04-14";
export const run = (text: string) => extract(text, { publishedOn: PUBLISHED });
export const drafted = (text: string) =>
  run(text).statements.map((s) => [s.speaker.name, s.parts.map((p) => text.slice(p.start, p.end).slice(0, 24))]);
