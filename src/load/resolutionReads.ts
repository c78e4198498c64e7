// What entity and statement resolution ask of the graph they resolve against. The loader asks Neo4j, inside the
// file's transaction; the bulk import (src/bulk) asks its in-memory model of the graph it is building. Both then run
// the same resolution (resolveDataset, resolveStatements), so both decide alike.
import type { EntityProfile, ResolvableLabel } from "../domain/resolution";
import type { Transaction } from "../graph/runtime/database";
import { findCandidates, knownIds, sameQuotations, type QuotationMatch } from "../graph/reads/resolutionReads";

export type { QuotationMatch };

export interface ResolutionReads {
  /** For each of these ids that the graph knows, the id of its node: itself, or the node an alias id points to. */
  knownIds(ids: string[]): Promise<Map<string, string>>;
  /** For each incoming entity, the nodes of its label it may be, with their profiles (see findCandidates). */
  findCandidates(label: ResolvableLabel, profiles: EntityProfile[]): Promise<Map<string, EntityProfile[]>>;
  /** For each incoming quotation, the statements with the same key by the same speaker (see sameQuotations). */
  sameQuotations(rows: { incoming: string; speaker: string; quoteHash: string }[]): Promise<QuotationMatch[]>;
}

/** The graph as it is in this transaction. */
export function readsInTransaction(tx: Transaction): ResolutionReads {
  return {
    knownIds: (ids) => knownIds(tx, ids),
    findCandidates: (label, profiles) => findCandidates(tx, label, profiles),
    sameQuotations: (rows) => sameQuotations(tx, rows),
  };
}
