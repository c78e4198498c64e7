// Per-request batching: every look-up a resolver makes for many parents becomes one Neo4j query per kind and level.
import DataLoader from "dataloader";
import { claimsOf, type ClaimRow } from "../graph/claimReads";
import type { Database } from "../graph/database";
import { mentionCounts, type MentionCount, type MentionDirection } from "../graph/mentionCounts";
import { neighbours, type NeighbourKind } from "../graph/neighbours";
import { responsesOf, type ResponseDirection, type ResponseRow } from "../graph/responses";
import { nodesByIds, statementsWithParts } from "../graph/nodes";
import type { LinkedRow, NodeRow, Page, StatementRow } from "../graph/rows";
import { sourceTextPieces, type SourceTextRow, type TextPiece } from "../graph/sourceText";
import { statementPages, type StatementAnchor, type StatementQuery } from "../graph/statements";
import { withCursor } from "./arguments";
import type { ConcurrencyLimit } from "./concurrency";

export interface Loaders {
  /** The claims behind each entity's values. */
  claims: DataLoader<string, ClaimRow[]>;
  node: DataLoader<string, NodeRow | null>;
  statementWithParts: DataLoader<string, StatementRow | null>;
  /** Pieces of source texts (long texts are read in bounded pieces, under the expensive-operations cap). */
  sourceText: DataLoader<TextPiece, SourceTextRow | null, string>;
  neighbours(kind: NeighbourKind): DataLoader<string, LinkedRow[]>;
  /** Who and what each node's statements mention most, or who mentions each node most: `first` of them each. */
  mentionCounts(direction: MentionDirection, first: number): DataLoader<string, MentionCount[]>;
  /** What each statement responds to, or what responds to it. */
  responses(direction: ResponseDirection): DataLoader<string, ResponseRow[]>;
  /** The page of statements under one parent; parents asking with the same arguments share one query. */
  statementPage(parentId: string, query: StatementQuery & { anchor: StatementAnchor }): Promise<Page<StatementRow>>;
  /** Hands over a page fetched along with its parent, so statementPage() with the same arguments needs no query. */
  primeStatementPage(
    parentId: string,
    query: StatementQuery & { anchor: StatementAnchor },
    page: Page<StatementRow>,
  ): void;
}

export function createLoaders(db: Database, expensive: ConcurrencyLimit): Loaders {
  const neighbourLoaders = new Map<NeighbourKind, DataLoader<string, LinkedRow[]>>();
  const mentionLoaders = new Map<string, DataLoader<string, MentionCount[]>>();
  const responseLoaders = new Map<ResponseDirection, DataLoader<string, ResponseRow[]>>();
  const pageLoaders = new Map<string, DataLoader<string, Page<StatementRow>>>();
  const pageLoader = (query: StatementQuery) => {
    const key = JSON.stringify(query);
    let loader = pageLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => statementPages(db, query, ids));
      pageLoaders.set(key, loader);
    }
    return loader;
  };
  return {
    claims: new DataLoader((ids) => claimsOf(db, ids)),
    node: new DataLoader((ids) => nodesByIds(db, ids)),
    statementWithParts: new DataLoader((ids) => statementsWithParts(db, ids)),
    sourceText: new DataLoader((pieces) => expensive.run("reading source texts", () => sourceTextPieces(db, pieces)), {
      cacheKeyFn: (piece) => `${piece.id}\u0000${piece.start}\u0000${piece.length}`,
    }),
    neighbours(kind) {
      let loader = neighbourLoaders.get(kind);
      if (!loader) {
        loader = new DataLoader((ids) => neighbours(db, kind, ids));
        neighbourLoaders.set(kind, loader);
      }
      return loader;
    },
    mentionCounts(direction, first) {
      const key = `${direction}:${first}`;
      let loader = mentionLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => mentionCounts(db, direction, ids, first));
        mentionLoaders.set(key, loader);
      }
      return loader;
    },
    responses(direction) {
      let loader = responseLoaders.get(direction);
      if (!loader) {
        loader = new DataLoader((ids) => responsesOf(db, direction, ids));
        responseLoaders.set(direction, loader);
      }
      return loader;
    },
    // A made-up cursor is the client's mistake, nested or not.
    statementPage: (parentId, query) => withCursor(() => pageLoader(query).load(parentId)),
    primeStatementPage(parentId, query, page) {
      pageLoader(query).prime(parentId, page);
    },
  };
}
