// A dataset made ready to write, by every write path (the loader, the bulk import): read, validated, its source text
// found and its provenance checked. Nothing here touches the database.
import fs from "node:fs";
import path from "node:path";
import { checkDataset, type Reference } from "./checks";
import { DatasetError, parseDataset, type Dataset } from "./dataset";

export interface Where {
  file: string;
  /** The dataset's folder, where a source's textFile is looked for; none for a dataset sent inline. */
  baseDir?: string;
}

export interface PreparedDataset {
  dataset: Dataset;
  /** The source's full text (inline or from its textFile). */
  text: string;
  /** References to ids the dataset does not define; they must be in the graph. */
  external: Reference[];
}

/** The JSON of a dataset file, or a DatasetError naming the file. */
export function readDatasetJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new DatasetError(file, [`cannot read it as JSON: ${(e as Error).message}`]);
  }
}

/** Validates the shape, reads the source text and checks the dataset against it; a DatasetError lists every problem. */
export function prepareDataset(raw: unknown, where: Where): PreparedDataset {
  const { dataset, text } = parseWithText(raw, where);
  const { problems, external } = checkDataset(dataset, text);
  if (problems.length > 0) throw new DatasetError(where.file, problems);
  return { dataset, text, external };
}

/** The dataset with its defaults and its source text, without the checks (for a dataset prepared before). */
export function parseWithText(raw: unknown, where: Where): { dataset: Dataset; text: string } {
  const dataset = parseDataset(where.file, raw);
  return { dataset, text: sourceText(dataset, where) };
}

function sourceText(dataset: Dataset, where: Where): string {
  const { text, textFile } = dataset.source;
  if (text !== undefined && textFile !== undefined)
    throw new DatasetError(where.file, ["source: give either text or textFile, not both"]);
  if (text !== undefined) return text;
  if (textFile === undefined)
    throw new DatasetError(where.file, ["source: the article's text is missing (give text or textFile)"]);
  if (!where.baseDir)
    throw new DatasetError(where.file, [
      "source.textFile: only datasets loaded from a file may refer to a text file; give text",
    ]);
  const full = path.resolve(where.baseDir, textFile);
  if (path.relative(where.baseDir, full).startsWith("..")) {
    throw new DatasetError(where.file, [`source.textFile: ${textFile} must be inside the dataset's folder`]);
  }
  if (!fs.existsSync(full)) throw new DatasetError(where.file, [`source.textFile: ${full} does not exist`]);
  return fs.readFileSync(full, "utf8");
}
