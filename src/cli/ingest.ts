// npm run ingest -- ARTICLE.txt|FOLDER --published YYYY-MM-DD [--title T] [--url U] [--publisher P]
//                  [--out DRAFT.json] [--import] [--dry-run]
// Turns a news article's text into a dataset draft (who said what, where and when, with evidence spans indexing the
// text exactly as read), written to --out (default ARTICLE.draft.json); --import loads it through the loader with
// its resolution report, --dry-run resolves it against the graph and prints the report without writing. A folder
// ingests every .txt in it (metadata from ARTICLE.json sidecars or YYYY-MM-DD file-name prefixes).
// Exit codes: 0 done, 1 refused input (the message says what and where), 2 usage error.
import fs from "node:fs";
import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { loadConfig } from "../config";
import { ArticleError, checkPublished, metaOfFile, readArticle, type FileMeta } from "../ingest/drafting/article";
import { ExtractionError, ExtractionPool } from "../ingest/drafting/extractionPool";
import { graphqlUrl, remoteDraft } from "../ingest/drafting/remoteDraft";
import type { Dataset } from "../load/dataset";
import { loadFiles } from "../load/files";
import { loadIntoConfiguredNeo4j, runLoadCommand } from "../load/run";

const USAGE =
  "Usage: npm run ingest -- ARTICLE.txt|FOLDER --published YYYY-MM-DD [--title T] [--url U] [--publisher P] " +
  "[--out DRAFT.json] [--import] [--dry-run]";

const VALUED = new Set(["--published", "--title", "--url", "--publisher", "--out"]);
const FLAGS = new Set(["--import", "--dry-run"]);

class UsageError extends Error {}

interface Args {
  article: string;
  options: Map<string, string>;
  importIt: boolean;
  dryRun: boolean;
}

function parseArgs(argv: string[]): Args {
  const options = new Map<string, string>();
  const positional: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    if (VALUED.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--")))
        throw new UsageError(`${name} needs a value`);
      options.set(name, value);
    } else if (FLAGS.has(name)) flags.add(name);
    else if (a.startsWith("-")) throw new UsageError(`Unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 1)
    throw new UsageError(positional.length ? `One article or folder, not ${positional.length}` : "No article given");
  if (flags.has("--import") && flags.has("--dry-run"))
    throw new UsageError("--import and --dry-run exclude each other");
  return { article: positional[0]!, options, importIt: flags.has("--import"), dryRun: flags.has("--dry-run") };
}

interface Job {
  file: string;
  meta: FileMeta;
  out: string;
}

let pool: ExtractionPool | undefined;
const localDrafts = () => (pool ??= new ExtractionPool({ ...loadConfig().extraction, maxQueued: 1 }));

const draftPathOf = (file: string) => file.replace(/\.txt$/i, "") + ".draft.json";

/** Drafts one article (through the server at GRAPHQL_URL when one answers) and writes the draft atomically. */
async function writeDraft(
  job: Job,
  server: { url: string; answers: boolean },
): Promise<{ statements: number; unattributed: number; merged: number; remote: boolean }> {
  const text = readArticle(job.file);
  const meta = { ...job.meta, fileName: path.basename(job.file) };
  const waiting = (seconds: number) => console.error(`${job.file}: still extracting at ${server.url} (${seconds} s)`);
  const remote = server.answers ? await remoteDraft(server.url, text, meta, { waiting }) : undefined;
  if (server.answers && !remote) server.answers = false;
  let dataset: Dataset;
  let counts: { statements: number; unattributed: number; merged: number };
  if (remote) {
    dataset = remote.dataset;
    counts = remote;
  } else {
    // Drafted here in a thread of its own, with the server's limits (EXTRACTION_TIMEOUT_MS, EXTRACTION_MEMORY_MB).
    const local = await localDrafts()
      .draft(text, meta)
      .catch((e: unknown) => {
        throw e instanceof ExtractionError ? new ArticleError(`${job.file}: ${e.message}`) : e;
      });
    dataset = local.dataset;
    counts = {
      statements: local.extraction.statements.length,
      unattributed: local.extraction.unattributed.length,
      merged: 0,
    };
  }
  fs.mkdirSync(path.dirname(job.out), { recursive: true });
  const tmp = `${job.out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(dataset, null, 2)}\n`);
  fs.renameSync(tmp, job.out);
  return { ...counts, remote: !!remote };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}.\n${USAGE}`);
    return 2;
  }
  const { article, options } = args;
  const isFolder = fs.existsSync(article) && fs.statSync(article).isDirectory();
  const jobs: Job[] = [];
  const refused: string[] = [];
  if (isFolder) {
    if (options.has("--out") || options.has("--published") || options.has("--title") || options.has("--url")) {
      console.error(
        `A folder takes each article's date, title and url from its sidecar or file name, not from options.\n${USAGE}`,
      );
      return 2;
    }
    const files = fs
      .readdirSync(article)
      .filter((f) => /\.txt$/i.test(f))
      .sort()
      .map((f) => path.join(article, f));
    if (files.length === 0) {
      console.error(`${article}: no .txt article in this folder`);
      return 1;
    }
    for (const file of files) {
      try {
        jobs.push({
          file,
          meta: { publisher: options.get("--publisher"), ...metaOfFile(file) },
          out: draftPathOf(file),
        });
      } catch (e) {
        if (!(e instanceof ArticleError)) throw e;
        refused.push(e.message);
      }
    }
  } else {
    const published = options.get("--published");
    if (!published) {
      console.error(`--published is required for one article.\n${USAGE}`);
      return 2;
    }
    try {
      const meta: FileMeta = {
        publishedOn: checkPublished(published, "--published"),
        title: options.get("--title"),
        url: options.get("--url"),
        publisher: options.get("--publisher"),
      };
      jobs.push({ file: article, meta, out: options.get("--out") ?? draftPathOf(article) });
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      console.error(e.message);
      return 1;
    }
  }

  const server = { url: graphqlUrl(), answers: true };
  const written: Job[] = [];
  const bar = isFolder
    ? new SingleBar(
        { format: "ingest [{bar}] {value}/{total} articles | {file}", stream: process.stderr },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(jobs.length, 0, { file: "" });
  let statements = 0;
  let unattributed = 0;
  for (const job of jobs) {
    try {
      const counts = await writeDraft(job, server);
      statements += counts.statements;
      unattributed += counts.unattributed;
      written.push(job);
      if (!bar)
        console.log(
          `${job.out}: ${counts.statements} statements drafted` +
            (counts.unattributed ? `, ${counts.unattributed} quotations left unattributed (see notes)` : "") +
            (counts.remote
              ? `; resolved against ${server.url} (${counts.merged} entities are nodes of the graph)`
              : "; no server at " + server.url + ", drafted without the graph"),
        );
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      refused.push(e.message);
      if (!bar) {
        console.error(e.message);
        return 1;
      }
    }
    bar?.increment(1, { file: path.basename(job.file) });
  }
  bar?.stop();
  await pool?.close();
  for (const r of refused) console.error(`refused: ${r}`);
  if (isFolder) {
    console.log(
      `${written.length} of ${written.length + refused.length} articles drafted: ${statements} statements, ` +
        `${unattributed} quotations left unattributed, ${refused.length} refused`,
    );
  }
  if ((args.importIt || args.dryRun) && written.length) {
    const code = await loadIntoConfiguredNeo4j(loadConfig(), async (db) => {
      await loadFiles(
        db,
        written.map((j) => path.resolve(j.out)),
        (line) => console.log(line),
        { dryRun: args.dryRun },
      );
    });
    if (code !== 0) return code;
  }
  return refused.length ? 1 : 0;
}

runLoadCommand(main, "Cannot ingest");
