// The one place that opens and closes Neo4j sessions: single reads as auto-commit queries, everything else in
// managed transactions; transient failures retried; rows returned as plain objects. Every query and transaction
// first takes a turn in the admission queue (admission.ts), so overload waits, then fails as OVERLOADED. Sessions
// carry the bookmarks of their unit of work (Bookmarks below), so a read waits for the writes it must see.
import neo4j, { Neo4jError, type Driver, type ManagedTransaction } from "neo4j-driver";
import { DEFAULT_ADMISSION, type AdmissionSettings } from "../../config";
import { InvalidInputError } from "../../domain/errors";
import { Admission } from "./admission";
import { BookmarkNotReachedError, busyPool, isOutOfTransactionMemory, translateDriverError } from "./errors";
import { FirstRuns } from "./firstRuns";
import type { QueryHistory } from "./queryHistory";
import { SharedWaits, readKey } from "./sharedWaits";
import { toNeo4jParams, toPlain } from "../values";

export interface ConnectionOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Every transaction is stopped in Neo4j after this long. */
  txTimeoutMs: number;
  /** How long managed transactions retry transient failures (a restarting database) before giving up. */
  retryMs?: number;
  /** Queries in flight at once, and how long and how many more may wait (NEO4J_MAX_IN_FLIGHT, QUEUE_WAIT_MS, …). */
  admission?: AdmissionSettings;
  /** Counts every read that succeeded, for the next start's warm-up (queryHistory.ts). */
  history?: QueryHistory;
  /** Identical reads waiting for their turn run once (sharedWaits.ts; SHARE_QUEUED_READS); on unless false. */
  shareQueuedReads?: boolean;
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Runs Cypher inside one managed transaction; several calls share it (all-or-nothing). */
export interface Transaction {
  run<T = Row>(cypher: string, params?: Params): Promise<T[]>;
}

/** Counts the queries a unit of work sent to Neo4j (a GraphQL request, a benchmark step). */
export class QueryCounter {
  queries = 0;
}

/**
 * The causal chain of one unit of work (a GraphQL request): the bookmarks it was given, which every session it opens
 * waits for, and those its writes leave, which it hands on (src/http/answers/bookmarks.ts puts them in the
 * Neo4j-Bookmark response header). Updated the way the driver's bookmark manager does it — the bookmarks a write
 * session started from are replaced by those it ended with — so two writes running at once keep each other's. Reads add
 * nothing: their bookmarks would only make later reads of the same request wait for replicas to catch up with each
 * other.
 * Without bookmarks, sessions open exactly as they would without this (no bookmarks sent, nothing to wait for).
 */
export class Bookmarks {
  private readonly current = new Set<string>();
  private wrote = false;

  /** Bookmarks a client brought: every later session waits until the database has reached them. */
  add(bookmarks: readonly string[]): void {
    for (const bookmark of bookmarks) this.current.add(bookmark);
  }

  /** What a new session starts from; undefined when there is nothing to wait for. */
  forSession(): string[] | undefined {
    return this.current.size > 0 ? [...this.current] : undefined;
  }

  /** A write session committed: what it started from is covered by what it ended with. */
  afterWrite(started: readonly string[] | undefined, ended: readonly string[]): void {
    for (const bookmark of started ?? []) this.current.delete(bookmark);
    for (const bookmark of ended) this.current.add(bookmark);
    if (ended.length > 0) this.wrote = true;
  }

  /** The bookmarks to hand on: none unless this unit of work wrote something. */
  get written(): string[] {
    return this.wrote ? [...this.current] : [];
  }
}

/** Neo4j waited db.transaction.bookmark_ready_timeout for a bookmark's transaction, and it never arrived. */
const BOOKMARK_TIMEOUT = "Neo.TransientError.Transaction.BookmarkTimeout";

/** The name clients know bookmarks by (src/http/answers/bookmarks.ts): the header a refused one came in. */
const BOOKMARK_FIELD = "Neo4j-Bookmark";

const neo4jCode = (error: unknown): string => (error instanceof Neo4jError ? error.code : "");

const DEFAULT_RETRY_MS = 3_000;
/**
 * Connections beyond the admitted queries: readiness checks and EXPLAIN skip the queue, and must still find a
 * connection when every admitted query holds one.
 */
const POOL_HEADROOM = 10;

type Records = readonly { keys: PropertyKey[]; get(key: PropertyKey): unknown }[];

/** Fresh plain objects on every call (toPlain copies): callers may keep or change their rows. */
const toRows = <T>(records: Records): T[] =>
  records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[key as string] = toPlain(record.get(key));
    return row as T;
  });

/**
 * neo4j-driver formats a stack trace for every query it runs, to put the caller's frames on an error Neo4j may send
 * back: about 0.02 ms of CPU per query (Error.stack is formatted in full). Those frames would only name this file
 * and its helpers (the caller's own are lost at its first await), and errors are translated and logged here anyway,
 * so reads take none. The driver builds its result synchronously, inside run().
 */
function withoutStackTrace<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Runs work again after a transient failure (Neo4j restarting, a lost connection), with backoff, for up to retryMs. */
async function retryingTransientFailures<T>(retryMs: number, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delay = Math.min(1_000, 100 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      // A bookmark timeout already took Neo4j's whole bookmark wait: another try would double it.
      const retryable =
        neo4j.isRetryableError(error) && !isOutOfTransactionMemory(error) && neo4jCode(error) !== BOOKMARK_TIMEOUT;
      if (!retryable || Date.now() + delay - started > retryMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export class Database {
  private constructor(
    readonly driver: Driver,
    private readonly options: ConnectionOptions,
    readonly counter: QueryCounter,
    /** Shared by every view of this driver (withCounter), as the pool is. */
    readonly admission: Admission,
    private readonly poolSize: number,
    /** Shared by every view too: Neo4j's plan cache is one per database. */
    private readonly firstRuns: FirstRuns,
    /** Shared as the admission queue is: identical reads waiting in it run once (sharedWaits.ts). */
    readonly sharedWaits: SharedWaits,
    /** This view's causal chain; a new view (withCounter) starts an empty one. */
    readonly bookmarks: Bookmarks = new Bookmarks(),
  ) {}

  static connect(options: ConnectionOptions): Database {
    const admission = new Admission(options.admission ?? DEFAULT_ADMISSION);
    const poolSize = Math.max(100, admission.settings.maxInFlight + POOL_HEADROOM);
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: false,
      maxConnectionPoolSize: poolSize,
      // When Neo4j is down, requests fail within seconds with a clear error instead of hanging.
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: options.retryMs ?? DEFAULT_RETRY_MS,
      userAgent: "who-said-what-graph/0.1",
      // Nothing reads Neo4j's notifications, and they are not free: projections name properties a graph may not have
      // yet (a source's url, an extraction's confidence), so Neo4j attached 8–10 warnings to every answer of a look-up
      // or a statement page, and the driver decoded them all. Off, a person look-up's Bolt round trip took 0.43
      // instead of 0.56–0.63 ms of Node's CPU (100,000 statements, 8 sessions; the bare hand-written query 0.36 ms).
      notificationFilter: { minimumSeverityLevel: "OFF" },
    });
    return new Database(driver, options, new QueryCounter(), admission, poolSize, new FirstRuns(), new SharedWaits());
  }

  /** A view on the same driver with its own query counter and its own bookmarks (one per request). */
  withCounter(counter = new QueryCounter()): Database {
    const { driver, options, admission, poolSize, firstRuns, sharedWaits } = this;
    return new Database(driver, options, counter, admission, poolSize, firstRuns, sharedWaits);
  }

  /**
   * A view whose queries take turns in an admission queue of their own, with `slots` slots beside the shared ones,
   * and its own query counter. For the few reads that every subscriber of the process waits on (the tail of the
   * change log, a batch's new statements: one at a time or two, a few a second): they neither wait behind queued
   * writes nor take a slot a write waits for. The writes keep every shared slot; Neo4j runs at most `slots` more.
   */
  withOwnSlots(slots: number): Database {
    const { driver, options, poolSize, firstRuns } = this;
    const admission = new Admission({ ...this.admission.settings, maxInFlight: slots });
    return new Database(driver, options, new QueryCounter(), admission, poolSize, firstRuns, new SharedWaits());
  }

  /**
   * One read query. It runs as an auto-commit query: one round trip (RUN and PULL together), where a managed
   * transaction costs three (BEGIN, RUN and PULL, COMMIT). Transient failures are retried like managed transactions
   * are; each attempt takes its own turn, so a read waiting out a restart does not hold a slot meanwhile. The first
   * run of a text goes alone, so that Neo4j plans it once (firstRuns.ts), and an identical read still waiting for its
   * turn is joined rather than queued again (sharedWaits.ts). Each caller gets rows of its own.
   */
  async read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    try {
      const bookmarks = this.bookmarks.forSession();
      const key = this.shareKey(cypher, params, bookmarks);
      this.counter.queries += 1;
      const records = await this.firstRuns.run(cypher, () =>
        retryingTransientFailures(this.options.retryMs ?? DEFAULT_RETRY_MS, () =>
          this.sharedWaits.run(
            key,
            (begin) => this.admission.run(begin),
            () => this.autoCommitRead(cypher, params, bookmarks),
          ),
        ),
      );
      this.options.history?.record(cypher, params);
      return toRows<T>(records);
    } catch (error) {
      throw this.translate(error, "read", this.options.txTimeoutMs);
    }
  }

  /**
   * The key under which a read of this view waiting for its turn may be joined by an identical one (sharedWaits.ts):
   * a Cypher text or an operation's name, and its parameters. Undefined when it may not: this unit of work carries
   * bookmarks, or SHARE_QUEUED_READS is off.
   */
  shareKey(what: string, params: unknown, bookmarks = this.bookmarks.forSession()): string | undefined {
    if (this.options.shareQueuedReads === false) return undefined;
    return readKey(what, params, bookmarks);
  }

  write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.writeTransaction((tx) => tx.run<T>(cypher, params));
  }

  readTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.inSession("READ", work);
  }

  /** `timeoutMs`: a write that may take longer than a request's (the seed at start-up), not NEO4J_TX_TIMEOUT_MS. */
  writeTransaction<T>(work: (tx: Transaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.inSession("WRITE", work, options.timeoutMs);
  }

  /** The operators of the plan Neo4j would run (EXPLAIN), for tests that check index use. */
  async planOperators(cypher: string, params: Params = {}): Promise<string[]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(`EXPLAIN ${cypher}`, toNeo4jParams(params) as Params);
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] }) => {
        operators.push(plan.operatorType.split("@")[0]!);
        for (const child of plan.children) walk(child as typeof plan);
      };
      const plan = result.summary.plan;
      if (plan) walk(plan as unknown as { operatorType: string; children: unknown[] });
      return operators;
    } finally {
      await session.close();
    }
  }

  async verifyConnectivity(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.options.database });
    } catch (error) {
      throw translateDriverError(error, this.options.txTimeoutMs);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private inSession<T>(
    mode: "READ" | "WRITE",
    work: (tx: Transaction) => Promise<T>,
    timeoutMs = this.options.txTimeoutMs,
  ): Promise<T> {
    return this.admission.run(() => this.inAdmittedSession(mode, work, timeoutMs));
  }

  private async inAdmittedSession<T>(
    mode: "READ" | "WRITE",
    work: (tx: Transaction) => Promise<T>,
    timeoutMs: number,
  ): Promise<T> {
    const bookmarks = this.bookmarks.forSession();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarks,
    });
    const config = { timeout: timeoutMs };
    const txWork = (tx: ManagedTransaction) => work(this.wrap(tx));
    try {
      if (mode === "READ") return await session.executeRead(txWork, config);
      const result = await session.executeWrite(txWork, config);
      this.bookmarks.afterWrite(bookmarks, session.lastBookmarks());
      return result;
    } catch (error) {
      throw this.translate(error, mode === "READ" ? "read" : "write", timeoutMs);
    } finally {
      await session.close();
    }
  }

  private translate(error: unknown, mode: "read" | "write", timeoutMs: number): unknown {
    return (
      bookmarkRefused(error) ??
      busyPool(error, this.poolSize, this.admission.retryAfterSeconds) ??
      translateDriverError(error, timeoutMs, mode)
    );
  }

  /** The records of one auto-commit read; shared by the identical reads that joined it, so never changed here. */
  private async autoCommitRead(cypher: string, params: Params, bookmarks: string[] | undefined): Promise<Records> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarks,
      // The driver retries an auto-commit query once on its own; after a bookmark timeout that would wait Neo4j's
      // whole bookmark wait a second time. retryingTransientFailures still retries every other transient failure.
      disableAutoCommitRetries: bookmarks !== undefined,
    });
    try {
      const params4j = toNeo4jParams(params) as Params;
      const result = await withoutStackTrace(() =>
        session.run(cypher, params4j, { timeout: this.options.txTimeoutMs }),
      );
      return result.records;
    } finally {
      await session.close();
    }
  }

  private wrap(tx: ManagedTransaction): Transaction {
    return {
      run: async <T>(cypher: string, params: Params = {}) => {
        this.counter.queries += 1;
        const result = await tx.run(cypher, toNeo4jParams(params) as Params);
        return toRows<T>(result.records);
      },
    };
  }
}

/**
 * Failures that come from the bookmarks a session was given: Neo4j did not reach one within its bookmark wait
 * (a replica lagging behind, or a bookmark from the future: BOOKMARK_NOT_REACHED, retry later with the same
 * bookmark), or it is no bookmark of this DBMS (BAD_USER_INPUT naming the header). Undefined for anything else.
 */
function bookmarkRefused(error: unknown): Error | undefined {
  const code = neo4jCode(error);
  if (code === BOOKMARK_TIMEOUT) {
    const detail = (error as Error).message.split("\n")[0];
    return new BookmarkNotReachedError(
      `Neo4j had not reached the transaction of a bookmark within its bookmark wait ` +
        `(db.transaction.bookmark_ready_timeout): ${detail}`,
      { cause: error },
    );
  }
  if (code.startsWith("Neo.ClientError.Transaction.InvalidBookmark")) {
    return new InvalidInputError(
      BOOKMARK_FIELD,
      "Neo4j does not recognise this as a bookmark of its databases; send back the Neo4j-Bookmark header of an " +
        "earlier response unchanged",
    );
  }
  return undefined;
}
