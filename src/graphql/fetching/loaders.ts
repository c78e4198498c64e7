// Per-request batching: every look-up a resolver makes for many parents becomes one Neo4j query per kind and level.
import DataLoader from "dataloader";
import { claimsOf, type ClaimRow } from "../../graph/reads/claimReads";
import type { Database } from "../../graph/runtime/database";
import { mentionCounts, type MentionCount, type MentionDirection } from "../../graph/reads/mentionCounts";
import { neighbours, type NeighbourKind } from "../../graph/reads/neighbours";
import { nodesWithLinks, type LookUp, type NodeWithLinks } from "../../graph/reads/nodeWithLinks";
import { responsesOf, type ResponseDirection, type ResponseRow } from "../../graph/reads/responses";
import { nodesByIds, statementsWithParts } from "../../graph/reads/nodes";
import type { NodeProperty, StatementProperty } from "../../graph/projections";
import type { LinkedRow, NodeRow, Page, StatementRow } from "../../graph/rows";
import { sourceTextPieces, type SourceTextRow, type TextPiece } from "../../graph/reads/sourceText";
import { statementPages, type StatementAnchor, type StatementQuery } from "../../graph/reads/statements";
import { historyPages, type ChangePage } from "../../graph/writes/changes/changeReads";
import { withCursor } from "./arguments";
import type { ConcurrencyLimit } from "../limits/concurrency";

export interface Loaders {
  /** The claims behind each entity's values. */
  claims: DataLoader<string, ClaimRow[]>;
  node: DataLoader<string, NodeRow | null>;
  /** Look-ups by id with what the query asks of each node next: the root fields of an operation in one query. */
  lookUp: DataLoader<LookUp, NodeWithLinks, string>;
  statementWithParts: DataLoader<string, StatementRow | null>;
  /** Pieces of source texts (long texts are read in bounded pieces, under the expensive-operations cap). */
  sourceText: DataLoader<TextPiece, SourceTextRow | null, string>;
  /** Neighbours of one kind, each with only these properties (with id and label) or all: one loader per both. */
  neighbours(kind: NeighbourKind, properties?: readonly NodeProperty[]): DataLoader<string, LinkedRow[]>;
  /** Who and what each node's statements mention most, or who mentions each node most: `first` of them each. */
  mentionCounts(direction: MentionDirection, first: number): DataLoader<string, MentionCount[]>;
  /** What each statement responds to, or what responds to it; the other statements with only these properties. */
  responses(direction: ResponseDirection, properties?: readonly StatementProperty[]): DataLoader<string, ResponseRow[]>;
  /** Each node's page of its change log (Node.history): nodes asking with the same window share one query. */
  history(window: { size: number; after?: string | null }): DataLoader<string, ChangePage>;
  /** The page of statements under one parent; parents asking with the same arguments share one query. */
  statementPage(parentId: string, query: StatementQuery & { anchor: StatementAnchor }): Promise<Page<StatementRow>>;
  /** Hands over a page fetched along with its parent, so statementPage() with the same arguments needs no query. */
  primeStatementPage(
    parentId: string,
    query: StatementQuery & { anchor: StatementAnchor },
    page: Page<StatementRow>,
  ): void;
}

/** One loader per key (a kind of look-up and its arguments), made on first use and kept for the request. */
function perKey<K, L>(make: (key: K) => L, keyOf: (key: K) => unknown = (key) => key): (key: K) => L {
  const made = new Map<unknown, L>();
  return (key) => {
    const k = keyOf(key);
    let loader = made.get(k);
    if (!loader) {
      loader = make(key);
      made.set(k, loader);
    }
    return loader;
  };
}

export function createLoaders(db: Database, expensive: ConcurrencyLimit): Loaders {
  const pageLoader = perKey(
    (query: StatementQuery) => new DataLoader<string, Page<StatementRow>>((ids) => statementPages(db, query, ids)),
    (query) => JSON.stringify(query),
  );
  const neighbourLoader = perKey(
    ({ kind, properties }: { kind: NeighbourKind; properties?: readonly NodeProperty[] }) =>
      new DataLoader<string, LinkedRow[]>((ids) => neighbours(db, kind, ids, properties)),
    ({ kind, properties }) => `${kind}:${properties?.join(",") ?? "*"}`,
  );
  const mentionLoader = perKey(
    ({ direction, first }: { direction: MentionDirection; first: number }) =>
      new DataLoader<string, MentionCount[]>((ids) => mentionCounts(db, direction, ids, first)),
    ({ direction, first }) => `${direction}:${first}`,
  );
  const responseLoader = perKey(
    ({ direction, properties }: { direction: ResponseDirection; properties?: readonly StatementProperty[] }) =>
      new DataLoader<string, ResponseRow[]>((ids) => responsesOf(db, direction, ids, properties)),
    ({ direction, properties }) => `${direction}:${properties?.join(",") ?? "*"}`,
  );
  const historyLoader = perKey(
    (window: { size: number; after?: string | null }) =>
      new DataLoader<string, ChangePage>((ids) => historyPages(db, ids, window)),
    ({ size, after }) => `${size}:${after ?? ""}`,
  );
  return {
    claims: new DataLoader((ids) => claimsOf(db, ids)),
    node: new DataLoader((ids) => nodesByIds(db, ids)),
    lookUp: new DataLoader((lookUps) => nodesWithLinks(db, lookUps), {
      cacheKeyFn: ({ id, wanted }) => `${id}\u0000${JSON.stringify(wanted)}`,
    }),
    statementWithParts: new DataLoader((ids) => statementsWithParts(db, ids)),
    sourceText: new DataLoader((pieces) => expensive.run("reading source texts", () => sourceTextPieces(db, pieces)), {
      cacheKeyFn: (piece) => `${piece.id}\u0000${piece.start}\u0000${piece.length}`,
    }),
    neighbours: (kind, properties) => neighbourLoader({ kind, properties }),
    mentionCounts: (direction, first) => mentionLoader({ direction, first }),
    responses: (direction, properties) => responseLoader({ direction, properties }),
    history: historyLoader,
    // A made-up cursor is the client's mistake, nested or not.
    statementPage: (parentId, query) => withCursor(() => pageLoader(query).load(parentId)),
    primeStatementPage(parentId, query, page) {
      pageLoader(query).prime(parentId, page);
    },
  };
}
