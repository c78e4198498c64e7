// One article in, one draft out: extraction then the dataset the loader reads. Shared by the CLI and the API.
import type { Dataset } from "../load/dataset";
import { parseDataset } from "../load/dataset";
import { draftDataset, type ArticleMeta } from "./drafting/draft";
import type { KnownEntity } from "./entities/entities";
import { extract, type Extraction } from "./extract";

export function ingestText(
  text: string,
  meta: ArticleMeta,
  known: readonly KnownEntity[] = [],
): { dataset: Dataset; extraction: Extraction } {
  const extraction = extract(text, { publishedOn: meta.publishedOn, known });
  // The draft must be a dataset the loader takes: checked here so that a fault of the extractor shows at once.
  const dataset = parseDataset(meta.fileName ?? "draft", draftDataset(text, extraction, meta));
  return { dataset, extraction };
}
