// npm run ingest with a server: the draft comes from the server's ingestArticle (dry run), so that attribution uses
// the graph's office holders and the draft refers to the graph's nodes by their ids. Without a server answering,
// the caller drafts locally; a server that answers with an error refuses the article.
import type { Dataset } from "../../load/dataset";
import { parseDataset } from "../../load/dataset";
import { ArticleError } from "./article";
import type { ArticleMeta } from "./draft";

/** The default address of the server: this machine, on PORT (4000 unless set). */
export function graphqlUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GRAPHQL_URL ?? `http://localhost:${env.PORT ?? "4000"}/graphql`;
}

const MUTATION = `mutation Ingest($input: ArticleInput!) {
  ingestArticle(input: $input, dryRun: true) {
    dataset
    unattributed { text }
    import { resolution { incoming decision into } }
  }
}`;

export interface RemoteDraft {
  dataset: Dataset;
  statements: number;
  unattributed: number;
  merged: number;
}

export interface RemoteOptions {
  /** How long to wait for the server's answer (it bounds its own extraction: EXTRACTION_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Called every `everyMs` while the server is still extracting, with the seconds waited so far. */
  waiting?: (seconds: number) => void;
  everyMs?: number;
}

/**
 * The server's draft of an article; undefined when no server answers at `url` (nothing listens there). A server that
 * takes the request but has not answered within the time-out is working, not absent: an ArticleError says so.
 */
export async function remoteDraft(
  url: string,
  text: string,
  meta: ArticleMeta,
  options: RemoteOptions = {},
): Promise<RemoteDraft | undefined> {
  const { timeoutMs = 90_000, everyMs = 5_000 } = options;
  const started = Date.now();
  const ticker = setInterval(() => options.waiting?.(Math.round((Date.now() - started) / 1000)), everyMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "apollographql-client-name": "npm-run-ingest" },
      body: JSON.stringify({
        query: MUTATION,
        variables: {
          input: {
            text,
            publishedOn: meta.publishedOn,
            title: meta.title ?? meta.fileName?.replace(/\.txt$/i, ""),
            url: meta.url,
            publisher: meta.publisher,
          },
        },
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    if ((e as Error).name === "TimeoutError") {
      throw new ArticleError(`${url} took the article but did not answer within ${Math.round(timeoutMs / 1000)} s`);
    }
    return undefined;
  } finally {
    clearInterval(ticker);
  }
  const body = (await response.json().catch(() => undefined)) as
    | {
        data?: {
          ingestArticle: {
            dataset: unknown;
            unattributed: unknown[];
            import: { resolution: { decision: string; incoming: string; into: string | null }[] };
          };
        };
        errors?: { message: string }[];
      }
    | undefined;
  if (!body) return undefined;
  if (body.errors?.length || !body.data) {
    throw new ArticleError(
      `${url} refused the article: ${body.errors?.map((e) => e.message).join("; ") ?? response.statusText}`,
    );
  }
  const draft = body.data.ingestArticle;
  const dataset = parseDataset(url, draft.dataset);
  const merged = draft.import.resolution.filter((r) => r.decision === "MERGED" && r.into !== r.incoming).length;
  return { dataset, statements: dataset.statements.length, unattributed: draft.unattributed.length, merged };
}
