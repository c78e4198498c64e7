// Every environment variable the server reads, parsed and validated once. Nothing else reads process.env. Read by
// every room of src/, it imports none of them: the settings' shapes and defaults that the modules they tune also use
// (the admission queue, the write gate, the extraction pool) are defined here.
import os from "node:os";
import path from "node:path";
import { jwtSettings, type JwtSettings } from "./settings/jwtSettings";
import { CuratorsFileError, readCurators, type Curators } from "./settings/tokensFile";

export interface EmbeddedNeo4jConfig {
  /** Folder holding the database files, logs and the generated password (git-ignored). */
  dataDir: string;
  /** Bolt port of the embedded database; 0 picks a free one. */
  boltPort: number;
  heapMb: number;
  pageCacheMb: number;
  /** Memory all transactions together may use: well below the heap, so queries fail before the JVM does. */
  txMemoryMb: number;
  /** Memory one transaction (a query, a dataset file) may use. */
  txMaxMb: number;
}

export interface RemoteNeo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface Config {
  port: number;
  host: string;
  /**
   * Node processes serving HTTP on the one port (WORKERS); above 1, a primary process starts Neo4j and prepares it
   * once, and forks them (src/cluster/). Default 1 with the embedded Neo4j, which needs the other cores; every core
   * with NEO4J_URI.
   */
  workers: number;
  /** Set when NEO4J_URI points at an existing database; then nothing is started locally. */
  remote?: RemoteNeo4jConfig;
  embedded: EmbeddedNeo4jConfig;
  /** Load seed/*.json at start-up when the database holds no statement. */
  seedWhenEmpty: boolean;
  seedDir: string;
  /** Every Neo4j transaction is cut off after this long. */
  txTimeoutMs: number;
  logLevel: "silent" | "error" | "info" | "debug";
  /** The static token for writes (API_TOKEN): its holder is "api-token", an admin. */
  apiToken?: string;
  /** CURATORS_FILE, read at start-up: named curators, each with a role and a token hash (docs/security.md). */
  curators?: { file: string; curators: Curators };
  /** JWTs accepted for writes (JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL; JWT_ISSUER, JWT_AUDIENCE, …). */
  jwt?: JwtSettings;
  /** Serve the GraphQL IDE at /graphql to browsers (GET with Accept: text/html). */
  ideEnabled: boolean;
  /** Origins whose pages may call /graphql from a browser (CORS); empty means same-origin only. */
  corsOrigins: string[];
  /** NODE_ENV=production: no IDE or introspection unless enabled, no stack traces, JSON logs. */
  production: boolean;
  introspection: boolean;
  /**
   * Serve the schema as an Apollo Federation 2 subgraph (FEDERATION): entity keys on the Node types, `_service` and
   * `_entities` for a gateway (src/graphql/federation.ts, docs/federation.md). Off: the schema is schema/*.graphql.
   */
  federation: boolean;
  limits: QueryLimits;
  /** Requests per minute per client address; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Seconds a browser or CDN may keep a public GET query's answer (Cache-Control max-age); 0: never. */
  cacheMaxAgeS: number;
  /** How long managed transactions retry transient failures (a restarting database). */
  retryMs: number;
  /** A client must send its whole request within this long (408 otherwise): slow clients cannot hold sockets. */
  requestTimeoutMs: number;
  /** ...and its headers within this long; at most requestTimeoutMs. */
  headersTimeoutMs: number;
  /** Queries in Neo4j at once (NEO4J_MAX_IN_FLIGHT); more wait QUEUE_WAIT_MS, at most MAX_QUEUED, then OVERLOADED. */
  admission: AdmissionSettings;
  /** Identical reads waiting for their turn in the admission queue run once (SHARE_QUEUED_READS). */
  shareQueuedReads: boolean;
  /** Seconds of representative GraphQL load before the server says it is ready (src/startup/warmUpGraphql.ts). */
  warmUpSeconds: number;
  /** How long a write waits for the seed before SERVER_NOT_READY (WRITE_WAIT_MS); shorter than requestTimeoutMs. */
  writeWaitMs: number;
  /**
   * Where the reads sent most are kept for the next start's warm-up (src/graph/runtime/queryHistory.ts); undefined:
   * off.
   */
  queryHistoryFile: string | undefined;
  /** Drafting articles (ingestArticle, npm run ingest): threads, deadline, heap, queue (ingest/extractionPool.ts). */
  extraction: ExtractionSettings;
  /** Anonymous ingestArticle dry runs per minute per client address (INGEST_RATE_PER_MINUTE); 0: no limit. */
  ingestRatePerMinute: number;
  /** Keep the parameter values of those reads (QUERY_HISTORY_VALUES); off: only their shapes, values replaced. */
  queryHistoryValues: boolean;
  /** Subscriptions' limits and the change log's tail (docs/live-updates.md). */
  subscriptions: SubscriptionSettings;
}

/** Limits that keep one request from taking the server or the database down. */
export interface QueryLimits {
  maxDepth: number;
  /** Estimated cost: every field counts 1, and list sizes multiply (a `first` argument, or 5 for other lists). */
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Largest GraphQL document (the query text, comments included) accepted, in UTF-8 bytes; refused before parsing. */
  maxDocumentBytes: number;
  /** Expensive operations (timeline, search, path, source texts) running at once in this process; 0: no cap. */
  maxConcurrentExpensive: number;
  /** How long an expensive operation waits for its turn before SERVER_BUSY (HTTP 503 with Retry-After). */
  expensiveWaitMs: number;
  /**
   * Fields one answer may hold, counted as they are resolved (src/graphql/limits/responseBudget.ts):
   * RESPONSE_TOO_LARGE.
   */
  maxResponseFields: number;
}

/** The admission queue in front of the driver (src/graph/runtime/admission.ts). */
export interface AdmissionSettings {
  /** Units of work (queries, transactions) running in Neo4j at once; kept below the driver's pool size. */
  maxInFlight: number;
  /** How long one may wait for its turn before OverloadedError. */
  maxWaitMs: number;
  /** Waiting at most; one more is refused at once. */
  maxQueued: number;
}

export const DEFAULT_ADMISSION: AdmissionSettings = { maxInFlight: 64, maxWaitMs: 5_000, maxQueued: 1_000 };

/**
 * How long a write waits for the preparation before it is refused, by default (WRITE_WAIT_MS,
 * src/http/limits/writeGate.ts). Longer than a write itself may take (NEO4J_TX_TIMEOUT_MS, 15 s by default), and
 * shorter than the request timeout (HTTP_REQUEST_TIMEOUT_MS, 30 s), so that the refusal is sent before the server
 * ends the connection.
 */
export const WRITE_WAIT_MS = 25_000;

/** The threads that draft articles (src/ingest/drafting/extractionPool.ts). */
export interface ExtractionSettings {
  /** Threads drafting articles at once (EXTRACTION_THREADS). */
  threads: number;
  /** How long one article may take in its thread (EXTRACTION_TIMEOUT_MS). */
  timeoutMs: number;
  /** Heap of one extraction thread (EXTRACTION_MEMORY_MB). */
  memoryMb: number;
  /** Articles waiting for a thread at most (EXTRACTION_QUEUE); one more is refused at once. */
  maxQueued: number;
  /** How long an article waits for a thread before it is refused (EXTRACTION_QUEUE_WAIT_MS). */
  queueWaitMs: number;
}

export const DEFAULT_EXTRACTION: ExtractionSettings = {
  threads: 1,
  timeoutMs: 20_000,
  memoryMb: 512,
  maxQueued: 4,
  queueWaitMs: 8_000,
};

export class ConfigError extends Error {}

/** The most WORKERS accepted: beyond it, processes cost memory and Neo4j connections without adding cores. */
export const MAX_WORKERS = 64;

export const projectRoot = path.resolve(__dirname, "..");

type Env = Record<string, string | undefined>;

function dataDir(env: Env): string {
  return path.resolve(projectRoot, env.NEO4J_DATA_DIR?.trim() || "data/neo4j");
}

/** QUERY_HISTORY_FILE: a path (relative to the project), `off`, or unset for query-history.json in `folder`. */
function queryHistoryFile(env: Env, folder: string): string | undefined {
  const value = env.QUERY_HISTORY_FILE?.trim();
  if (value === "off") return undefined;
  return value ? path.resolve(projectRoot, value) : path.join(folder, "query-history.json");
}

/**
 * NEO4J_MAX_IN_FLIGHT's default with the embedded Neo4j: 4 queries per core of this machine, shared by the workers.
 * Neo4j runs on the same cores as Node: more queries at once only share the CPU thinner, while reads that wait here
 * can be joined by identical ones (src/graph/runtime/sharedWaits.ts). With 64, the default for a remote Neo4j of
 * unknown size, 100 clients on the soak mix got 176 req/s and a p99 of 1.4 s on two cores; with 8, 501 req/s and
 * 0.93 s (bench/results/soak.md).
 */
function embeddedInFlight(env: Env): number {
  const workers = Number(env.WORKERS) || 1;
  return Math.max(2, Math.ceil((4 * os.availableParallelism()) / workers));
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not an integer between ${min} and ${max}`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a boolean (use true or false)`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} must be one of ${allowed.join(", ")}`);
  }
  return raw as T;
}

function apiToken(env: Env): string | undefined {
  const token = env.API_TOKEN?.trim();
  if (!token) return undefined;
  if (token.length < 16)
    throw new ConfigError(
      "API_TOKEN is shorter than 16 characters: use a long random token (e.g. openssl rand -hex 24)",
    );
  return token;
}

function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return [];
  return raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      // An origin is scheme, host and port only: the browser sends exactly that in its Origin header.
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      const origin = entry.replace(/\/$/, "");
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
        throw new ConfigError(
          `${name}: ${JSON.stringify(entry)} is not an origin like https://app.example.com ` +
            "(scheme, host and optional port, no path)",
        );
      }
      return origin;
    });
}

/**
 * Transaction memory of the embedded Neo4j, by default half the heap for all transactions and a quarter for one: the
 * rest is what Neo4j needs beside them (caches, Bolt buffers, the planner), so an oversized query fails alone with
 * QUERY_TOO_LARGE instead of an OutOfMemoryError ending the JVM.
 */
function transactionMemory(env: Env, heapMb: number): { txMemoryMb: number; txMaxMb: number } {
  const txMemoryMb = integer(env, "NEO4J_TX_MEMORY_MB", Math.floor(heapMb / 2), 32, 65536);
  const txMaxMb = integer(env, "NEO4J_TX_MAX_MB", Math.min(txMemoryMb, Math.floor(heapMb / 4)), 16, 65536);
  if (txMemoryMb >= heapMb) {
    throw new ConfigError(
      `NEO4J_TX_MEMORY_MB=${txMemoryMb} must be below NEO4J_HEAP_MB=${heapMb}, or it protects nothing`,
    );
  }
  if (txMaxMb > txMemoryMb) {
    throw new ConfigError(`NEO4J_TX_MAX_MB=${txMaxMb} must not exceed NEO4J_TX_MEMORY_MB=${txMemoryMb}`);
  }
  return { txMemoryMb, txMaxMb };
}

/** WRITE_WAIT_MS: below HTTP_REQUEST_TIMEOUT_MS, so that the refusal reaches the client before the connection ends. */
function writeWait(env: Env): number {
  const { requestTimeoutMs } = httpTimeouts(env);
  // Unset, it follows a shorter request timeout down (a second under it).
  const fallback = Math.max(0, Math.min(WRITE_WAIT_MS, requestTimeoutMs - 1000));
  const writeWaitMs = integer(env, "WRITE_WAIT_MS", fallback, 0, 3_600_000);
  if (writeWaitMs >= requestTimeoutMs) {
    throw new ConfigError(
      `WRITE_WAIT_MS=${writeWaitMs} is not shorter than HTTP_REQUEST_TIMEOUT_MS=${requestTimeoutMs}: ` +
        "a write refused after its wait would find its connection already closed",
    );
  }
  return writeWaitMs;
}

/** Node refuses a headers timeout longer than the request timeout; say so in terms of our variables. */
function httpTimeouts(env: Env): Pick<Config, "requestTimeoutMs" | "headersTimeoutMs"> {
  const requestTimeoutMs = integer(env, "HTTP_REQUEST_TIMEOUT_MS", 30_000, 1000, 3_600_000);
  const headersTimeoutMs = integer(env, "HTTP_HEADERS_TIMEOUT_MS", 10_000, 1000, 3_600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS=${headersTimeoutMs} is longer than HTTP_REQUEST_TIMEOUT_MS=${requestTimeoutMs}: ` +
        "the headers are part of the request, so their timeout must not exceed the request's",
    );
  }
  return { requestTimeoutMs, headersTimeoutMs };
}

function extractionSettings(env: Env): ExtractionSettings {
  const d = DEFAULT_EXTRACTION;
  return {
    threads: integer(env, "EXTRACTION_THREADS", d.threads, 1, 64),
    timeoutMs: integer(env, "EXTRACTION_TIMEOUT_MS", d.timeoutMs, 100, 600_000),
    memoryMb: integer(env, "EXTRACTION_MEMORY_MB", d.memoryMb, 64, 16_384),
    maxQueued: integer(env, "EXTRACTION_QUEUE", d.maxQueued, 0, 10_000),
    queueWaitMs: integer(env, "EXTRACTION_QUEUE_WAIT_MS", d.queueWaitMs, 0, 600_000),
  };
}

/** CURATORS_FILE: a path (relative to the project) of the tokens file that `npm run curators` writes; unset: none. */
export function curatorsFilePath(env: Env = process.env): string | undefined {
  const value = env.CURATORS_FILE?.trim();
  return value ? path.resolve(projectRoot, value) : undefined;
}

function curatorsFile(env: Env): Config["curators"] {
  const file = curatorsFilePath(env);
  if (!file) return undefined;
  try {
    return { file, curators: readCurators(file) };
  } catch (e) {
    if (e instanceof CuratorsFileError) throw new ConfigError(`CURATORS_FILE: ${e.message}`);
    throw e;
  }
}

/** The settings of subscriptions (WebSocket and SSE), with their defaults. */
export interface SubscriptionSettings {
  /** Subscriptions one WebSocket may run at once (SUBSCRIPTIONS_PER_CONNECTION). */
  perConnection: number;
  /** Open WebSockets and SSE streams per client address and process (SUBSCRIPTION_CONNECTIONS_PER_CLIENT). */
  connectionsPerClient: number;
  /** Updates that may wait for one subscriber before it is closed as too slow (SUBSCRIPTION_BUFFER). */
  buffer: number;
  /** How often the tail reads the log while the process has a subscriber (CHANGES_POLL_MS). */
  pollMs: number;
}

export const DEFAULT_SUBSCRIPTIONS: SubscriptionSettings = {
  perConnection: 20,
  connectionsPerClient: 20,
  buffer: 1000,
  pollMs: 200,
};

function subscriptionSettings(env: Env): SubscriptionSettings {
  const d = DEFAULT_SUBSCRIPTIONS;
  return {
    perConnection: integer(env, "SUBSCRIPTIONS_PER_CONNECTION", d.perConnection, 1, 10_000),
    connectionsPerClient: integer(env, "SUBSCRIPTION_CONNECTIONS_PER_CLIENT", d.connectionsPerClient, 1, 1_000_000),
    buffer: integer(env, "SUBSCRIPTION_BUFFER", d.buffer, 1, 1_000_000),
    pollMs: integer(env, "CHANGES_POLL_MS", d.pollMs, 10, 60_000),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === "production";
  const uri = env.NEO4J_URI?.trim();
  let remote: RemoteNeo4jConfig | undefined;
  if (uri) {
    if (!/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\//.test(uri)) {
      throw new ConfigError(
        `NEO4J_URI=${JSON.stringify(uri)} must start with neo4j://, neo4j+s://, bolt:// or bolt+s://`,
      );
    }
    if (!env.NEO4J_PASSWORD) {
      throw new ConfigError("NEO4J_URI is set but NEO4J_PASSWORD is not: set the password of the database user");
    }
    remote = {
      uri,
      user: env.NEO4J_USER?.trim() || "neo4j",
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE?.trim() || undefined,
    };
  }
  const heapMb = integer(env, "NEO4J_HEAP_MB", 1024, 128, 65536);
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST?.trim() || "127.0.0.1",
    workers: integer(env, "WORKERS", remote ? Math.min(os.availableParallelism(), MAX_WORKERS) : 1, 1, MAX_WORKERS),
    remote,
    embedded: {
      dataDir: dataDir(env),
      boltPort: integer(env, "NEO4J_BOLT_PORT", 0, 0, 65535),
      heapMb,
      pageCacheMb: integer(env, "NEO4J_PAGECACHE_MB", 512, 16, 65536),
      ...transactionMemory(env, heapMb),
    },
    seedWhenEmpty: boolean(env, "SEED_WHEN_EMPTY", true),
    seedDir: path.resolve(projectRoot, env.SEED_DIR?.trim() || "seed"),
    txTimeoutMs: integer(env, "NEO4J_TX_TIMEOUT_MS", 15000, 100, 3_600_000),
    logLevel: oneOf(env, "LOG_LEVEL", ["silent", "error", "info", "debug"] as const, "info"),
    apiToken: apiToken(env),
    curators: curatorsFile(env),
    jwt: jwtSettings(env, (message) => new ConfigError(message)),
    ideEnabled: boolean(env, "IDE_ENABLED", !production),
    corsOrigins: origins(env, "CORS_ORIGINS"),
    production,
    introspection: boolean(env, "INTROSPECTION", !production),
    federation: boolean(env, "FEDERATION", false),
    limits: {
      maxDepth: integer(env, "MAX_DEPTH", 12, 2, 100),
      maxCost: integer(env, "MAX_COST", 20000, 10, 10_000_000),
      maxAliases: integer(env, "MAX_ALIASES", 30, 1, 1000),
      maxTokens: integer(env, "MAX_TOKENS", 5000, 50, 1_000_000),
      maxDirectives: integer(env, "MAX_DIRECTIVES", 20, 1, 1000),
      maxBodyBytes: integer(env, "MAX_BODY_BYTES", 1_048_576, 1024, 104_857_600),
      maxDocumentBytes: integer(env, "MAX_DOCUMENT_BYTES", 65_536, 1024, 16_777_216),
      maxConcurrentExpensive: integer(env, "MAX_CONCURRENT_EXPENSIVE", 4, 0, 10_000),
      expensiveWaitMs: integer(env, "EXPENSIVE_WAIT_MS", 2_000, 0, 600_000),
      maxResponseFields: integer(env, "MAX_RESPONSE_FIELDS", 20_000, 100, 100_000_000),
    },
    rateLimitPerMinute: integer(env, "RATE_LIMIT_PER_MINUTE", 0, 0, 1_000_000),
    cacheMaxAgeS: integer(env, "CACHE_MAX_AGE", 30, 0, 86_400),
    retryMs: integer(env, "NEO4J_RETRY_MS", 3000, 0, 60_000),
    warmUpSeconds: integer(env, "WARM_UP_SECONDS", 5, 0, 600),
    writeWaitMs: writeWait(env),
    extraction: extractionSettings(env),
    ingestRatePerMinute: integer(env, "INGEST_RATE_PER_MINUTE", 10, 0, 1_000_000),
    queryHistoryFile: queryHistoryFile(env, remote ? path.join(projectRoot, "data") : dataDir(env)),
    queryHistoryValues: boolean(env, "QUERY_HISTORY_VALUES", false),
    ...httpTimeouts(env),
    admission: {
      maxInFlight: integer(
        env,
        "NEO4J_MAX_IN_FLIGHT",
        remote ? DEFAULT_ADMISSION.maxInFlight : embeddedInFlight(env),
        1,
        10_000,
      ),
      maxWaitMs: integer(env, "QUEUE_WAIT_MS", DEFAULT_ADMISSION.maxWaitMs, 0, 600_000),
      maxQueued: integer(env, "MAX_QUEUED", DEFAULT_ADMISSION.maxQueued, 0, 1_000_000),
    },
    shareQueuedReads: boolean(env, "SHARE_QUEUED_READS", true),
    subscriptions: subscriptionSettings(env),
  };
}
