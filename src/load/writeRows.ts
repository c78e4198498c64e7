// The rows a resolved dataset is written as: the source, what it claims about each entity, the links it states and its
// statements. Pure: the loader sends them to Neo4j (src/graph), the bulk import turns them into the importer's CSV
// (src/bulk), so both write the same values.
import type { ClaimWrite } from "../graph/writes/claims";
import type { LinkWrite, ResponseWrite, SourceWrite, StatementWrite } from "../graph/writes/datasetWrites";
import type { RelationshipType } from "../domain/relationships";
import type { ResolvableLabel } from "../domain/resolution";
import type { Dataset, DatasetEntities, StatementInput } from "./dataset";

/** Where a dataset's statements go: the node of each (resolved), those already in the graph, quotation keys. */
export interface StatementPlan {
  to: (id: string) => string;
  existing: string[];
  quoteHashes: ReadonlyMap<string, string>;
}

type Link = string | { id: string; fromSource: boolean; note?: string } | undefined;

const linkId = (l: Link) => (typeof l === "string" ? l : l?.id);
const linkProps = (l: Link): Record<string, unknown> =>
  typeof l === "object" ? { fromSource: l.fromSource, note: l.note ?? null } : { fromSource: true };

export function sourceRow(dataset: Dataset, text: string): SourceWrite {
  return {
    id: dataset.source.id,
    title: dataset.source.title,
    publishedOn: dataset.source.publishedOn,
    dateline: dataset.source.dateline ?? null,
    publisher: dataset.source.publisher ?? null,
    url: dataset.source.url ?? null,
    text,
  };
}

/**
 * What each entity of a dataset claims, for the node resolution put it on (`to`). The id it claims is its own, or the
 * free id it was given when its drafted id was another node's (`claimedId`).
 */
export function claimRows(
  dataset: DatasetEntities,
  to: (id: string) => string,
  claimedId: (id: string) => string = (id) => id,
): Map<ResolvableLabel, ClaimWrite[]> {
  const claim = (e: {
    id: string;
    name: string;
    aliases: string[];
    description?: string;
    fromSource: boolean;
    extraction?: { confidence: number; cue: string };
  }) => ({
    target: to(e.id),
    id: claimedId(e.id),
    name: e.name,
    aliases: e.aliases,
    description: e.description ?? null,
    fromSource: e.fromSource,
    isoCode: null,
    kind: null,
    date: null,
    datePrecision: null,
    startsAt: null,
    extractionConfidence: e.extraction?.confidence ?? null,
    extractionCue: e.extraction?.cue ?? null,
  });
  return new Map<ResolvableLabel, ClaimWrite[]>([
    ["Person", dataset.people.map(claim)],
    ["State", dataset.states.map((e) => ({ ...claim(e), isoCode: e.isoCode }))],
    ["Organization", dataset.organizations.map(claim)],
    ["Venue", dataset.venues.map((e) => ({ ...claim(e), kind: e.kind }))],
    [
      "Event",
      dataset.events.map((e) => ({
        ...claim(e),
        date: e.date ?? null,
        datePrecision: e.date ? (e.datePrecision ?? null) : null,
        startsAt: e.startsAt ?? null,
      })),
    ],
  ]);
}

/** The links between entities a dataset states, by type, with the dataset's ids (resolve them before writing). */
export function relationshipRows(dataset: DatasetEntities): Map<RelationshipType, LinkWrite[]> {
  const rows = new Map<RelationshipType, LinkWrite[]>();
  const add = (type: RelationshipType, from: string, to: Link, extra: Record<string, unknown> = {}) => {
    const toId = linkId(to);
    if (!toId) return;
    const list = rows.get(type) ?? [];
    list.push({ from, to: toId, props: { ...linkProps(to), ...extra } });
    rows.set(type, list);
  };
  for (const o of dataset.organizations) add("PART_OF", o.id, o.partOf);
  for (const v of dataset.venues) {
    add("LOCATED_IN", v.id, v.locatedIn);
    add("IN_STATE", v.id, v.state);
  }
  for (const e of dataset.events) {
    add("HELD_AT", e.id, e.venue);
    add("FOLLOWS", e.id, e.follows);
    for (const p of e.participants) add("PARTICIPATED_IN", p.id, e.id, { role: p.role ?? null });
  }
  for (const o of dataset.offices) add("HOLDS_OFFICE", o.person, o.state, { title: o.title, since: o.since ?? null });
  for (const m of dataset.memberships) add("MEMBER_OF", m.member, m.organization);
  return rows;
}

export function statementRows(
  dataset: Dataset,
  text: string,
  resolve: (id: string) => string,
  statements: StatementPlan,
): StatementWrite[] {
  const existing = new Set(statements.existing);
  const statementTo = statements.to;
  return dataset.statements.map((s) => ({
    id: statementTo(s.id),
    claimId: s.id,
    isNew: !existing.has(statementTo(s.id)),
    quoteHash: statements.quoteHashes.get(s.id) ?? null,
    text: s.text,
    kind: s.kind,
    saidOn: s.saidOn ?? null,
    datePrecision: s.saidOn ? (s.datePrecision ?? "DAY") : null,
    time: s.time ?? null,
    channel: s.channel ?? null,
    recurring: s.recurring,
    speaker: resolve(s.speaker),
    venue: { id: linkId(s.venue) ? resolve(linkId(s.venue)!) : null, ...linkProps(s.venue) },
    event: { id: linkId(s.event) ? resolve(linkId(s.event)!) : null, ...linkProps(s.event) },
    mentions: [...new Set(s.mentions.map(resolve))],
    // The excerpt is stored with the span, so reads never load the whole source text for it.
    evidence: s.evidence.map((span) => ({ ...span, excerpt: text.slice(span.start, span.end) })),
    extraction: s.extraction ?? null,
  }));
}

/**
 * The responses between statements a dataset states, between the nodes they are written to: a statement of the
 * dataset goes where resolution put it (`statementTo`), one already in the graph by its id or alias id (`resolve`).
 * Its spans carry the text they cover, like a statement's evidence.
 */
export function responseRows(
  dataset: { statements: readonly Pick<StatementInput, "id" | "respondsTo">[] },
  text: string,
  resolve: (id: string) => string,
  statementTo: (id: string) => string,
): ResponseWrite[] {
  const own = new Set(dataset.statements.map((s) => s.id));
  const node = (id: string) => (own.has(id) ? statementTo(id) : resolve(id));
  return dataset.statements.flatMap((s) =>
    s.respondsTo.map((r) => ({
      from: node(s.id),
      to: node(r.statement),
      relation: r.relation,
      starts: r.evidence.map((span) => span.start),
      ends: r.evidence.map((span) => span.end),
      excerpts: r.evidence.map((span) => text.slice(span.start, span.end)),
    })),
  );
}
