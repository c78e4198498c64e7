// What an article must be before it is read: UTF-8 text, not empty, not binary, not larger than a long feature;
// its publication date a real calendar date; its metadata from the command line, a sidecar ARTICLE.json or the
// YYYY-MM-DD prefix of its file name.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** About 30,000 words: far more than any news article. */
export const MAX_ARTICLE_LENGTH = 200_000;

export class ArticleError extends Error {}

/** The text of an article file, exactly as stored (UTF-8), or an ArticleError naming what is wrong with it. */
export function readArticle(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ArticleError(
      `${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : (e as Error).message}`,
    );
  }
  return checkArticleText(bytes, file);
}

export function checkArticleText(bytes: Buffer | string, where: string): string {
  const buffer = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  if (buffer.includes(0))
    throw new ArticleError(`${where}: binary data (a NUL byte at ${buffer.indexOf(0)}), not a text article`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new ArticleError(`${where}: not UTF-8 text`);
  }
  if (text.length > MAX_ARTICLE_LENGTH) {
    throw new ArticleError(`${where}: ${text.length} characters; an article may have at most ${MAX_ARTICLE_LENGTH}`);
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw new ArticleError(`${where}: the text is empty`);
  return text;
}

/** A publication date: YYYY-MM-DD and a real day (2025-02-30 is refused). */
export function checkPublished(date: string, where: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new ArticleError(`${where}: publication date ${JSON.stringify(date)} must be YYYY-MM-DD`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new ArticleError(`${where}: publication date ${date} is not a real calendar date`);
  }
  return date;
}

const sidecar = z.strictObject({
  publishedOn: z.string(),
  title: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
});

export interface FileMeta {
  publishedOn: string;
  title?: string;
  url?: string;
  publisher?: string;
}

/** Metadata of an article in a folder: its sidecar ARTICLE.json, else the date its file name starts with. */
export function metaOfFile(file: string): FileMeta {
  const json = file.replace(/\.txt$/i, ".json");
  if (fs.existsSync(json)) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(json, "utf8"));
    } catch (e) {
      throw new ArticleError(`${json}: cannot read it as JSON: ${(e as Error).message}`);
    }
    const parsed = sidecar.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ArticleError(`${json}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    }
    return { ...parsed.data, publishedOn: checkPublished(parsed.data.publishedOn, json) };
  }
  const prefix = /^(\d{4}-\d{2}-\d{2})/.exec(path.basename(file))?.[1];
  if (!prefix) {
    throw new ArticleError(
      `${file}: no publication date: give it a sidecar ${path.basename(json)} with publishedOn, ` +
        "or a name starting YYYY-MM-DD",
    );
  }
  return { publishedOn: checkPublished(prefix, file) };
}
