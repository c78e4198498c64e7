// What entity resolution reads from the graph: which ids are known (as a node's id or an alias id), and the
// candidates an incoming entity may be, found through indexed name keys with the context they are scored on.
import { lookupKeys, type EntityProfile, type ResolvableLabel } from "../../domain/resolution";
import type { Transaction } from "../runtime/database";

/** Candidates looked at per incoming entity; name keys are specific enough that more means a too-common name. */
export const MAX_CANDIDATES = 20;

/** For each of these ids that the graph knows, the id of its node: itself, or the node an alias id points to. */
export async function knownIds(tx: Transaction, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // Two plain seeks rather than one look-up with a fallback: on a bulk load nearly every id is new, and the alias
  // seek is only needed for the ids that are not a node's own.
  const direct = await tx.run<{ id: string }>("UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id", {
    ids,
  });
  const known = new Map(direct.map((r) => [r.id, r.id]));
  const rest = ids.filter((id) => !known.has(id));
  if (rest.length === 0) return known;
  const aliases = await tx.run<{ id: string; node: string }>(
    "UNWIND $ids AS id MATCH (:IdAlias {id: id})-[:ALIAS_OF]->(n:Entity) RETURN id, n.id AS node",
    { ids: rest },
  );
  for (const r of aliases) known.set(r.id, r.node);
  return known;
}

/** A node's profile: its names and the context resolution weighs (offices, state, city, venue, date, participants). */
const PROFILE = `n.id AS id, $label AS label, [n.name] + coalesce(n.aliases, []) AS names,
       n.isoCode AS isoCode, n.kind AS kind,
       [(n)-[:HOLDS_OFFICE|IN_STATE|PART_OF]->(s:State) | s.id] AS states,
       [(n)-[o:HOLDS_OFFICE]->(s:State) | {state: s.id, title: o.title}] AS offices,
       [(n)-[:MEMBER_OF]->(o:Organization) | o.id] AS organizations,
       [(n)-[:LOCATED_IN]->(v:Venue) | v.id] AS locatedIn,
       [(n)-[:HELD_AT]->(v:Venue) | v.id] AS venues,
       [(p)-[:PARTICIPATED_IN]->(n) | p.id] AS participants,
       CASE WHEN n.date IS NULL THEN null ELSE {date: toString(n.date), precision: n.datePrecision} END AS date`;

/**
 * For each incoming entity, the nodes of its label that share one of its name keys (not itself), with their
 * profiles. One index seek per key (the hint keeps it so whatever the statistics: a plan made on a small graph once
 * scanned every person, 43 ms per entity at 10,000 people); at most MAX_CANDIDATES per entity.
 */
export async function candidatesByKeys(
  tx: Transaction,
  label: ResolvableLabel,
  rows: { incoming: string; keys: string[] }[],
): Promise<Map<string, EntityProfile[]>> {
  const found = new Map<string, EntityProfile[]>(rows.map((r) => [r.incoming, []]));
  if (rows.length === 0) return found;
  // The label comes from the fixed ResolvableLabel union, never from input.
  const result = await tx.run<EntityProfile & { incoming: string }>(
    `UNWIND $rows AS row
     CALL (row) {
       UNWIND row.keys AS key
       MATCH (k:NameKey {key: key})-[:NAMES]->(n:${label})
       USING INDEX k:NameKey(key)
       WHERE n.id <> row.incoming
       RETURN DISTINCT n
       LIMIT ${MAX_CANDIDATES}
     }
     RETURN row.incoming AS incoming, ${PROFILE}`,
    { rows, label },
  );
  for (const { incoming, ...profile } of result) {
    found.get(incoming)!.push(withoutRepeats(profile));
  }
  return found;
}

/**
 * Events are named differently by each outlet ("First round of the water talks", "the Geneva negotiations"): their
 * candidates are also the events held at the same venue (found from the venue's node, at most MAX_CANDIDATES).
 */
export async function eventsAtVenues(
  tx: Transaction,
  rows: { incoming: string; venues: string[] }[],
): Promise<Map<string, EntityProfile[]>> {
  const found = new Map<string, EntityProfile[]>(rows.map((r) => [r.incoming, []]));
  const asked = rows.filter((r) => r.venues.length > 0);
  if (asked.length === 0) return found;
  const result = await tx.run<EntityProfile & { incoming: string }>(
    `UNWIND $rows AS row
     CALL (row) {
       UNWIND row.venues AS venue
       MATCH (v:Venue {id: venue})<-[:HELD_AT]-(n:Event)
       USING INDEX v:Venue(id)
       WHERE n.id <> row.incoming
       RETURN DISTINCT n
       LIMIT ${MAX_CANDIDATES}
     }
     RETURN row.incoming AS incoming, ${PROFILE}`,
    { rows: asked, label: "Event" },
  );
  for (const { incoming, ...profile } of result) found.get(incoming)!.push(withoutRepeats(profile));
  return found;
}

/**
 * The candidates of each incoming entity: by its name keys, and for an event also the events at its venue; each
 * candidate once. Index seeks only, never a scan of all entities.
 */
export async function findCandidates(
  tx: Transaction,
  label: ResolvableLabel,
  profiles: EntityProfile[],
): Promise<Map<string, EntityProfile[]>> {
  const candidates = await candidatesByKeys(
    tx,
    label,
    profiles.map((p) => ({ incoming: p.id, keys: lookupKeys(label, p.names) })),
  );
  if (label !== "Event") return candidates;
  const atVenues = await eventsAtVenues(
    tx,
    profiles.map((p) => ({ incoming: p.id, venues: p.venues ?? [] })),
  );
  for (const [id, found] of atVenues) {
    const byKeys = candidates.get(id) ?? [];
    candidates.set(id, [...byKeys, ...found.filter((f) => !byKeys.some((k) => k.id === f.id))]);
  }
  return candidates;
}

/** Sources state the same link each: one entry per linked node. */
export function withoutRepeats(profile: EntityProfile): EntityProfile {
  const unique = <T>(list: T[] | undefined, key: (t: T) => string = String) =>
    list ? [...new Map(list.map((x) => [key(x), x])).values()] : list;
  return {
    ...profile,
    states: unique(profile.states),
    offices: unique(profile.offices, (o) => `${o.state} ${o.title}`),
    organizations: unique(profile.organizations),
    locatedIn: unique(profile.locatedIn),
    venues: unique(profile.venues),
    participants: unique(profile.participants),
  };
}

/** A statement already in the graph with the same words by the same speaker, and the dates its sources give. */
export interface QuotationMatch {
  incoming: string;
  id: string;
  dates: { date: string; precision: "DAY" | "MONTH" | "YEAR" }[];
}

/** For each incoming quotation, the statements of the graph with the same key by the same speaker (index seeks). */
export async function sameQuotations(
  tx: Transaction,
  rows: { incoming: string; speaker: string; quoteHash: string }[],
): Promise<QuotationMatch[]> {
  if (rows.length === 0) return [];
  // Only the seek depends on the rows, so no statistics can make the planner start anywhere else (with the speaker
  // checked in the query, it once chose to scan all nodes: a minute per file). Speakers are compared here.
  const found = await tx.run<{ quoteHash: string; id: string; speakers: string[]; dates: QuotationMatch["dates"] }>(
    `UNWIND $hashes AS hash
     MATCH (s:Statement {quoteHash: hash})
     USING INDEX s:Statement(quoteHash)
     RETURN hash AS quoteHash, s.id AS id, [(s)<-[:SAID]-(speaker) | speaker.id] AS speakers,
            [(s)-[c:CLAIMED_IN]->() WHERE c.saidOn IS NOT NULL | {date: c.saidOn, precision: c.datePrecision}]
            + CASE WHEN s.saidOn IS NULL THEN [] ELSE [{date: toString(s.saidOn), precision: s.datePrecision}] END
              AS dates
     ORDER BY id`,
    { hashes: [...new Set(rows.map((r) => r.quoteHash))] },
  );
  const byHash = new Map<string, typeof found>();
  for (const f of found) {
    const same = byHash.get(f.quoteHash);
    if (same) same.push(f);
    else byHash.set(f.quoteHash, [f]);
  }
  return rows.flatMap((row) =>
    (byHash.get(row.quoteHash) ?? [])
      .filter((f) => f.id !== row.incoming && f.speakers.includes(row.speaker))
      .map((f) => ({ incoming: row.incoming, id: f.id, dates: f.dates })),
  );
}
