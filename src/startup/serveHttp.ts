// The HTTP server as the configuration describes it, for the single process and for each worker of WORKERS=N.
// Readiness is Neo4j answering plus whatever the caller says is still missing (the preparation, other workers).
import type { Config } from "../config";
import type { Database } from "../graph/runtime/database";
import { startHttpServer, type HttpServer } from "../http/server";
import type { WriteGate } from "../http/limits/writeGate";
import type { Logger } from "../logging";
import { PrerequisiteError } from "../neo4j/prerequisites";

export interface ServeOptions {
  db: Database;
  logger: Logger;
  writeGate: WriteGate;
  /** Why the server is not ready, besides Neo4j not answering: empty once it is. */
  notReadyBecause: () => string[];
}

export function serveHttp(config: Config, options: ServeOptions): Promise<HttpServer> {
  const { db, logger } = options;
  return startHttpServer({
    db,
    port: config.port,
    host: config.host,
    apiToken: config.apiToken,
    curators: config.curators?.curators,
    jwt: config.jwt,
    ideEnabled: config.ideEnabled,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    extraction: config.extraction,
    ingestRatePerMinute: config.ingestRatePerMinute,
    requestTimeoutMs: config.requestTimeoutMs,
    subscriptions: config.subscriptions,
    headersTimeoutMs: config.headersTimeoutMs,
    logger,
    apollo: {
      limits: config.limits,
      introspection: config.introspection,
      production: config.production,
      logError: (e) => logger.error({ err: e }, "unexpected error in a GraphQL request"),
      cacheMaxAgeS: config.cacheMaxAgeS,
      federation: config.federation,
    },
    writeGate: options.writeGate,
    readiness: {
      async check() {
        const problems: string[] = [];
        try {
          await db.verifyConnectivity();
        } catch (e) {
          problems.push((e as Error).message);
        }
        problems.push(...options.notReadyBecause());
        return problems;
      },
    },
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") {
      throw new PrerequisiteError(
        `Port ${config.port} is already in use: stop what runs there or start with PORT=<another port> npm start.`,
      );
    }
    throw e;
  });
}

/** The lines a user waits for: where the API and the explorer are. */
export function announceReady(logger: Logger, config: Pick<Config, "ideEnabled">, url: string): void {
  const ide = config.ideEnabled ? " (GraphQL IDE: open it in a browser)" : "";
  logger.info(`GraphQL server ready at ${url}${ide}`);
  logger.info(`Graph explorer at ${url.replace(/\/graphql$/, "/explore")}`);
  // Whoever waits for these lines gets them now, not with the next batch of log lines (src/logging.ts).
  logger.flush();
}
