// What stands between ingestArticle and the extractor: the process's extraction pool (threads with a deadline and a
// heap limit, src/ingest/drafting/extractionPool.ts) and a per-client rate for anonymous dry runs. Requests with the
// token are not rate-limited: the pool and its limits are what protect the server from them. Errors come out as GraphQL
// errors with the HTTP status a client or proxy should see: 422 for an article that costs too much, 429 and 503 with
// Retry-After for "not now".
import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DEFAULT_EXTRACTION } from "../../config";
import { ExtractionError, ExtractionPool } from "../../ingest/drafting/extractionPool";

export interface DraftingSettings {
  pool: ExtractionPool;
  /** Anonymous dry runs per minute per client address; 0: no limit. */
  anonymousPerMinute: number;
}

const retryHeaders = (seconds: number) => new HeaderMap([["retry-after", String(seconds)]]);

export class ArticleDrafting {
  private readonly limiter: RateLimiterMemory | undefined;

  constructor(readonly settings: DraftingSettings) {
    if (settings.anonymousPerMinute > 0)
      this.limiter = new RateLimiterMemory({ points: settings.anonymousPerMinute, duration: 60 });
  }

  get pool(): ExtractionPool {
    return this.settings.pool;
  }

  /** Counts an anonymous request of `client` against the rate; a GraphQLError (429, Retry-After) past it. */
  async admit(client: string, anonymous: boolean): Promise<void> {
    if (!anonymous || !this.limiter) return;
    try {
      await this.limiter.consume(client);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new GraphQLError(
        `Too many articles: an anonymous client may draft ${this.settings.anonymousPerMinute} a minute ` +
          `(INGEST_RATE_PER_MINUTE); retry in ${seconds} s, or send the API token`,
        {
          extensions: {
            code: "RATE_LIMITED",
            retryAfterSeconds: seconds,
            http: { status: 429, headers: retryHeaders(seconds) },
          },
        },
      );
    }
  }
}

/** An ExtractionError as the GraphQL error a client sees; anything else passes through. */
export function extractionRefusal(error: unknown): unknown {
  if (!(error instanceof ExtractionError)) return error;
  if (error.reason === "BUSY") {
    return new GraphQLError(error.message, {
      extensions: {
        code: "SERVER_BUSY",
        retryAfterSeconds: error.retryAfterSeconds,
        http: { status: 503, headers: retryHeaders(error.retryAfterSeconds) },
      },
    });
  }
  return new GraphQLError(error.message, { extensions: { code: "EXTRACTION_TOO_COSTLY", http: { status: 422 } } });
}

/** For in-process callers (tests, benchmarks) that do not give their own: the defaults of src/config.ts. */
export const processWideDrafting = new ArticleDrafting({
  pool: new ExtractionPool(DEFAULT_EXTRACTION),
  anonymousPerMinute: 0,
});
