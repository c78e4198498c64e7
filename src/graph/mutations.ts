// Curator edits. Each function is one write transaction: it checks the change against what is stored (the same rules
// the loader applies to a dataset), writes nodes and relationships the way the loader does, and reads the result back
// inside that transaction, so the caller gets exactly what was committed. A refused change writes nothing.
import type { Transaction, Database } from "./database";
import { removeRelationshipsOfSource, type EntityLabel, type RelationshipType } from "./datasets";
import { nameKey, nameKeys } from "./names";
import { ALL_STATEMENT_PARTS, nodeMap, sourceMap, statementMap } from "./projections";
import type { EntityRow, NodeLabel, SourceRow, StatementRow } from "./rows";
import { precisionProblem } from "./dates";

export type { EntityLabel } from "./datasets";
export type Precision = "DAY" | "MONTH" | "YEAR";
export type StatementKind = "DIRECT_QUOTE" | "REPORTED";

/** A refused change: the input field at fault (as the mutation's argument path) and what is wrong with it. */
export class MutationError extends Error {
  constructor(
    readonly code: "BAD_USER_INPUT" | "NOT_FOUND",
    readonly field: string,
    readonly problem: string,
    readonly id?: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** Relationships written by a mutation carry this where the loader puts the id of the source that stated them. */
export const CURATOR = "curator";

// ---------------------------------------------------------------------------------------------------------------
// Inputs. Absent (undefined) means "keep" on update; null clears an optional field or removes a link.

export interface EntityChanges {
  /** Create only: the new id; made from the name when absent. */
  id?: string | null;
  name?: string | null;
  aliases?: readonly string[] | null;
  description?: string | null;
  /** State */
  isoCode?: string | null;
  /** Venue */
  kind?: string | null;
  /** Event */
  date?: string | null;
  datePrecision?: Precision | null;
  startsAt?: string | null;
  /** Links: Organization.state (PART_OF), Venue.locatedIn / Venue.state, Event.venue (HELD_AT) / Event.follows. */
  state?: string | null;
  locatedIn?: string | null;
  venue?: string | null;
  follows?: string | null;
  /** Event: replaces every participant. */
  participants?: readonly { id: string; role?: string | null }[] | null;
}

export interface SourceChanges {
  id?: string | null;
  title?: string | null;
  publishedOn?: string | null;
  dateline?: string | null;
  publisher?: string | null;
  url?: string | null;
  text?: string | null;
}

export interface EvidenceSpan {
  source: string;
  start: number;
  end: number;
}

export interface StatementChanges {
  id?: string | null;
  speaker?: string | null;
  text?: string | null;
  kind?: StatementKind | null;
  saidOn?: string | null;
  datePrecision?: Precision | null;
  time?: string | null;
  channel?: string | null;
  recurring?: boolean | null;
  venue?: string | null;
  event?: string | null;
  mentions?: readonly string[] | null;
  evidence?: readonly EvidenceSpan[] | null;
}

type LinkField = "state" | "locatedIn" | "venue" | "follows";
type LinkType = Extract<RelationshipType, "PART_OF" | "LOCATED_IN" | "IN_STATE" | "HELD_AT" | "FOLLOWS"> | "SAID_AT" | "DURING";

/** The links each kind of entity has, as the dataset format names them; the types are constants spliced into Cypher. */
const LINKS: Record<EntityLabel, { field: LinkField; type: LinkType; target: NodeLabel; cyclic?: string }[]> = {
  Person: [],
  State: [],
  Organization: [{ field: "state", type: "PART_OF", target: "State" }],
  Venue: [
    { field: "locatedIn", type: "LOCATED_IN", target: "Venue", cyclic: "a venue cannot be located in itself" },
    { field: "state", type: "IN_STATE", target: "State" },
  ],
  Event: [
    { field: "venue", type: "HELD_AT", target: "Venue" },
    { field: "follows", type: "FOLLOWS", target: "Event", cyclic: "an event cannot follow itself" },
  ],
};

const SPEAKER_LABELS: readonly NodeLabel[] = ["Person", "State", "Organization"];
const MENTIONABLE_LABELS: readonly NodeLabel[] = ["Person", "State", "Organization", "Venue", "Event"];

type Entity<L extends EntityLabel> = Extract<EntityRow, { label: L }>;

// ---------------------------------------------------------------------------------------------------------------
// People, states, organizations, venues and events

export async function createEntity<L extends EntityLabel>(db: Database, label: L, input: EntityChanges): Promise<Entity<L>> {
  return creating(db, async (tx) => {
    const id = await newId(tx, label, input.id, input.name ?? "");
    const fields = entityFields(label, null, input);
    await checkEntityLinks(tx, label, id, input, false);
    await createNode(tx, label, id);
    await writeEntity(tx, label, id, input, fields);
    return (await readEntity(tx, label, id))!;
  });
}

export async function updateEntity<L extends EntityLabel>(db: Database, label: L, id: string, input: EntityChanges): Promise<Entity<L>> {
  return db.writeTransaction(async (tx) => {
    const current = await readEntity(tx, label, id);
    if (!current) throw missing(label, id);
    const fields = entityFields(label, current, input);
    await checkEntityLinks(tx, label, id, input, true);
    await writeEntity(tx, label, id, input, fields);
    return (await readEntity(tx, label, id))!;
  });
}

/** Deletes an entity with its relationships; refused while it is the speaker of statements (they would lose it). */
export async function deleteEntity(db: Database, label: EntityLabel, id: string): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const [node] = await tx.run<{ said: number; examples: string[] }>(
      `MATCH (n:${label} {id: $id})
       RETURN COUNT { (n)-[:SAID]->(:Statement) } AS said,
              COLLECT { MATCH (n)-[:SAID]->(s:Statement) RETURN s.id ORDER BY s.id LIMIT 3 } AS examples`,
      { id },
    );
    if (!node) throw missing(label, id);
    if (node.said > 0) {
      const more = node.said > node.examples.length ? ", …" : "";
      throw new MutationError(
        "BAD_USER_INPUT",
        "id",
        `${id} said ${node.said} ${node.said === 1 ? "statement" : "statements"} (${node.examples.join(", ")}${more}); delete them or give them another speaker first`,
        id,
      );
    }
    // Name keys that named only this entity go with it.
    await tx.run(
      `MATCH (n:${label} {id: $id})
       WITH n, [(k:NameKey)-[:NAMES]->(n) | k] AS keys
       DETACH DELETE n
       WITH keys
       UNWIND keys AS k
       WITH k WHERE NOT (k)-[:NAMES]->()
       DELETE k`,
      { id },
    );
  });
}

interface EntityFields {
  props: Record<string, unknown>;
  temporals: Partial<Record<TemporalProperty, string | null>>;
  /** Set when the name or aliases change: the new "prefix|folded name" keys. */
  keys?: string[];
}

/** The properties to write: the given fields, checked together with the stored ones they depend on. */
function entityFields(label: EntityLabel, current: EntityRow | null, input: EntityChanges): EntityFields {
  const props: Record<string, unknown> = {};
  const temporals: EntityFields["temporals"] = {};
  const fields: EntityFields = { props, temporals };
  const given = (field: keyof EntityChanges) => !current || input[field] !== undefined;

  if (given("name") || given("aliases")) {
    const name = input.name ?? current?.name ?? "";
    const aliases = [...new Set(input.aliases !== undefined ? (input.aliases ?? []) : (current?.aliases ?? []))].filter((a) => a !== name);
    Object.assign(props, { name, aliases, aliasText: aliases.map((a) => `${a} `).join("") });
    fields.keys = nameKeys([name, ...aliases]).map((k) => `${prefixOf(label)}|${k}`);
  }
  if (given("description")) props.description = input.description ?? null;
  if (label === "State" && given("isoCode")) props.isoCode = input.isoCode;
  if (label === "Venue" && given("kind")) props.kind = input.kind;
  if (label === "Event") {
    const stored = current as Entity<"Event"> | null;
    const date = input.date !== undefined ? input.date : (stored?.date ?? null);
    const startsAt = input.startsAt !== undefined ? input.startsAt : (stored?.startsAt ?? null);
    // Clearing the date clears its precision too, unless one is given.
    const precision =
      input.datePrecision !== undefined ? input.datePrecision : input.date === null ? null : (stored?.datePrecision ?? null);
    if (date && !precision) throw bad("input.datePrecision", "required when date is given (DAY, MONTH or YEAR)");
    if (precision && !date) throw bad("input.datePrecision", "given without a date");
    const dateProblem = precisionProblem(date, precision);
    if (dateProblem) throw bad("input.date", dateProblem);
    if (startsAt && date && !startsAt.startsWith(date)) throw bad("input.startsAt", `${startsAt} is not on the event's date ${date}`);
    if (given("date") || given("datePrecision")) {
      props.datePrecision = precision;
      temporals.date = date;
    }
    if (given("startsAt")) temporals.startsAt = startsAt;
  }
  return fields;
}

/** Link targets exist with the right label and make no cycle; participants are speakers, each listed once. */
async function checkEntityLinks(tx: Transaction, label: EntityLabel, id: string, input: EntityChanges, updating: boolean): Promise<void> {
  const references: Reference[] = [];
  for (const link of LINKS[label]) {
    const to = input[link.field];
    if (!to) continue;
    if (link.cyclic && to === id) throw bad(`input.${link.field}`, link.cyclic);
    references.push({ field: `input.${link.field}`, id: to, labels: [link.target] });
  }
  if (label === "Event" && input.participants) {
    const seen = new Set<string>();
    input.participants.forEach((p, i) => {
      if (seen.has(p.id)) throw bad(`input.participants[${i}]`, `${p.id} is listed twice`);
      seen.add(p.id);
      references.push({ field: `input.participants[${i}].id`, id: p.id, labels: SPEAKER_LABELS });
    });
  }
  await checkReferences(tx, references);
  if (!updating) return;
  for (const link of LINKS[label]) {
    const to = input[link.field];
    if (!link.cyclic || !to) continue;
    const [row] = await tx.run<{ cycle: boolean }>(
      `MATCH (n:Entity {id: $id}), (to:Entity {id: $to})
       RETURN EXISTS { (to)-[:${link.type}*1..]->(n) } AS cycle`,
      { id, to },
    );
    if (row?.cycle) throw bad(`input.${link.field}`, `${to} is itself ${link.type === "FOLLOWS" ? "after" : "inside"} ${id}, which would make a cycle`);
  }
}

async function writeEntity(tx: Transaction, label: EntityLabel, id: string, input: EntityChanges, fields: EntityFields): Promise<void> {
  await setProperties(tx, id, fields.props, fields.temporals);
  if (fields.keys) await replaceNameKeys(tx, id, fields.keys);
  for (const link of LINKS[label]) {
    const to = input[link.field];
    if (to !== undefined) await replaceLink(tx, id, link.type, to);
  }
  if (label === "Event" && input.participants !== undefined) {
    await tx.run(
      `MATCH (e:Event {id: $id})
       OPTIONAL MATCH ()-[old:PARTICIPATED_IN]->(e)
       DELETE old
       WITH DISTINCT e
       UNWIND $participants AS p
       MATCH (a:Entity {id: p.id})
       CREATE (a)-[:PARTICIPATED_IN {source: $source, fromSource: true, role: p.role}]->(e)`,
      { id, participants: (input.participants ?? []).map((p) => ({ id: p.id, role: p.role ?? null })), source: CURATOR },
    );
  }
}

async function readEntity<L extends EntityLabel>(tx: Transaction, label: L, id: string): Promise<Entity<L> | null> {
  const [row] = await tx.run<{ node: Entity<L> }>(`MATCH (n:${label} {id: $id}) RETURN ${nodeMap("n")} AS node`, { id });
  return row?.node ?? null;
}

/** Names and aliases are found through NameKey nodes, as the loader writes them; keys no one uses any more go. */
async function replaceNameKeys(tx: Transaction, id: string, keys: string[]): Promise<void> {
  await tx.run(
    `MATCH (k:NameKey)-[r:NAMES]->(:Entity {id: $id})
     WHERE NOT k.key IN $keys
     DELETE r
     WITH k WHERE NOT (k)-[:NAMES]->()
     DELETE k`,
    { id, keys },
  );
  await tx.run(
    `MATCH (n:Entity {id: $id})
     UNWIND $keys AS key
     MERGE (k:NameKey {key: key})
     MERGE (k)-[:NAMES]->(n)`,
    { id, keys },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

export async function createSource(db: Database, input: SourceChanges): Promise<SourceRow> {
  return creating(db, async (tx) => {
    const id = await newId(tx, "Source", input.id, input.title ?? "");
    await createNode(tx, "Source", id);
    await setProperties(tx, id, sourceProps(input, true), { publishedOn: input.publishedOn ?? null });
    return (await readSource(tx, id))!;
  });
}

/** A new text or publication date must still hold every statement reported in the source. */
export async function updateSource(db: Database, id: string, input: SourceChanges): Promise<SourceRow> {
  return db.writeTransaction(async (tx) => {
    const current = await readSource(tx, id);
    if (!current) throw missing("Source", id);
    const text = input.text ?? current.text ?? "";
    const publishedOn = input.publishedOn ?? current.publishedOn;
    if (input.text != null || input.publishedOn != null) {
      const reported = await tx.run<{ id: string; kind: StatementKind; text: string; saidOn: string | null; start: number; end: number }>(
        `MATCH (s:Statement)-[r:REPORTED_IN]->(:Source {id: $id})
         RETURN s.id AS id, s.kind AS kind, s.text AS text, s.saidOn AS saidOn, r.start AS start, r.end AS end
         ORDER BY id, start`,
        { id },
      );
      for (const s of reported) {
        const problem = spanProblem(s.kind, s.text, { id, text }, s);
        if (problem) throw bad("input.text", `${s.id} is reported in this source and its evidence would no longer hold: ${problem}`);
        if (s.saidOn && s.saidOn > publishedOn) {
          throw bad("input.publishedOn", `${s.id}, reported in this source, was said on ${s.saidOn}, after ${publishedOn}`);
        }
      }
    }
    await setProperties(tx, id, sourceProps(input, false), input.publishedOn != null ? { publishedOn: input.publishedOn } : {});
    if (input.text != null) {
      // Excerpts are stored with their spans (reads never load the whole text for them): they follow the new text.
      await tx.run(
        "MATCH (:Source {id: $id})<-[r:REPORTED_IN]-() SET r.excerpt = substring($text, r.start, r.end - r.start)",
        { id, text },
      );
    }
    return (await readSource(tx, id))!;
  });
}

/** Deletes a source, the statements it alone reports, and the links between entities it stated (as a reload would). */
export async function deleteSource(db: Database, id: string): Promise<void> {
  await db.writeTransaction(async (tx) => {
    if (!(await readSource(tx, id))) throw missing("Source", id);
    await removeRelationshipsOfSource(tx, id);
    await tx.run(
      `MATCH (src:Source {id: $id})
       CALL (src) {
         MATCH (s:Statement)-[:REPORTED_IN]->(src)
         WHERE NOT EXISTS { (s)-[:REPORTED_IN]->(other:Source) WHERE other <> src }
         WITH DISTINCT s
         DETACH DELETE s
       }
       DETACH DELETE src`,
      { id },
    );
  });
}

/** Source properties as the loader writes them (name mirrors title, for the name index): the given ones. */
function sourceProps(input: SourceChanges, creating: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const field of ["title", "dateline", "publisher", "url", "text"] as const) {
    if (creating || input[field] !== undefined) props[field] = input[field] ?? null;
  }
  if (props.title !== undefined) props.name = props.title;
  return props;
}

async function readSource(tx: Transaction, id: string): Promise<SourceRow | null> {
  const [row] = await tx.run<{ node: SourceRow }>(`MATCH (n:Source {id: $id}) RETURN ${sourceMap("n")} AS node`, { id });
  return row?.node ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Statements

interface StatementState {
  id: string;
  speaker: string;
  text: string;
  kind: StatementKind;
  saidOn: string | null;
  datePrecision: Precision | null;
  time: string | null;
  channel: string | null;
  recurring: boolean;
  venue: string | null;
  event: string | null;
  mentions: string[];
  evidence: EvidenceSpan[];
}

/** Whether a field was given: always when creating, when not undefined when updating. */
type Given = (field: keyof StatementChanges) => boolean;

export async function recordStatement(db: Database, input: StatementChanges): Promise<StatementRow> {
  return creating(db, async (tx) => {
    const id = await newId(tx, "Statement", input.id, statementSlugBasis(input.speaker ?? "", input.text ?? ""));
    const state = mergeStatement(id, null, input);
    const given = () => true;
    await checkStatement(tx, state, input, given);
    await createNode(tx, "Statement", id);
    await writeStatement(tx, state, given);
    return (await readStatement(tx, id))!;
  });
}

/** Changes a statement; the result is checked as a whole (a new text must still be inside the stored spans, …). */
export async function updateStatement(db: Database, id: string, input: StatementChanges): Promise<StatementRow> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ s: StatementState }>(
      `MATCH (s:Statement {id: $id})
       RETURN s {.id, .text, .kind, .saidOn, .datePrecision, .time, .channel, recurring: coalesce(s.recurring, false),
                 speaker: head([(s)<-[:SAID]-(sp) | sp.id]),
                 venue: head([(s)-[:SAID_AT]->(v:Venue) | v.id]),
                 event: head([(s)-[:DURING]->(e:Event) | e.id]),
                 mentions: [(s)-[:MENTIONS]->(m) | m.id],
                 evidence: [(s)-[r:REPORTED_IN]->(src:Source) | {source: src.id, start: r.start, end: r.end}]} AS s`,
      { id },
    );
    if (!row) throw missing("Statement", id);
    const state = mergeStatement(id, row.s, input);
    const given = (field: keyof StatementChanges) => input[field] !== undefined;
    await checkStatement(tx, state, input, given);
    await writeStatement(tx, state, given);
    return (await readStatement(tx, id))!;
  });
}

export async function deleteStatement(db: Database, id: string): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ deleted: number }>(
      "MATCH (s:Statement {id: $id}) DETACH DELETE s RETURN count(*) AS deleted",
      { id },
    );
    if (!row?.deleted) throw missing("Statement", id);
  });
}

function mergeStatement(id: string, current: StatementState | null, input: StatementChanges): StatementState {
  const pick = <K extends keyof StatementChanges & keyof StatementState>(field: K): StatementChanges[K] | StatementState[K] | null =>
    input[field] !== undefined ? input[field] : current ? current[field] : null;
  const saidOn = pick("saidOn") as string | null;
  const precision =
    input.datePrecision !== undefined ? input.datePrecision : input.saidOn === null ? null : (current?.datePrecision ?? null);
  return {
    id,
    speaker: (pick("speaker") as string | null) ?? "",
    text: (pick("text") as string | null) ?? "",
    kind: (pick("kind") as StatementKind | null) ?? "REPORTED",
    saidOn,
    // The loader's default: a date without precision is a day.
    datePrecision: saidOn ? (precision ?? "DAY") : precision,
    time: pick("time") as string | null,
    channel: pick("channel") as string | null,
    recurring: (pick("recurring") as boolean | null) ?? false,
    venue: pick("venue") as string | null,
    event: pick("event") as string | null,
    mentions: [...new Set((pick("mentions") as readonly string[] | null) ?? [])],
    evidence: [...((pick("evidence") as readonly EvidenceSpan[] | null) ?? [])],
  };
}

/** What the loader checks of a dataset's statement: references, dates, and every span against its source's text. */
async function checkStatement(tx: Transaction, s: StatementState, input: StatementChanges, given: Given): Promise<void> {
  const references: Reference[] = [];
  if (given("speaker")) references.push({ field: "input.speaker", id: s.speaker, labels: SPEAKER_LABELS });
  if (given("venue") && s.venue) references.push({ field: "input.venue", id: s.venue, labels: ["Venue"] });
  if (given("event") && s.event) references.push({ field: "input.event", id: s.event, labels: ["Event"] });
  if (given("mentions")) {
    (input.mentions ?? []).forEach((m, i) => references.push({ field: `input.mentions[${i}]`, id: m, labels: MENTIONABLE_LABELS }));
  }
  if (given("evidence")) {
    if (s.evidence.length === 0) throw bad("input.evidence", "a statement needs at least one evidence span");
    s.evidence.forEach((span, i) => references.push({ field: `input.evidence[${i}].source`, id: span.source, labels: ["Source"] }));
  }
  await checkReferences(tx, references);

  if (s.datePrecision && !s.saidOn) throw bad("input.datePrecision", "given without saidOn");
  const dateProblem = precisionProblem(s.saidOn, s.datePrecision);
  if (dateProblem) throw bad(given("saidOn") ? "input.saidOn" : "input.datePrecision", dateProblem);

  const sources = await tx.run<{ id: string; text: string; publishedOn: string }>(
    "UNWIND $ids AS id MATCH (src:Source {id: id}) RETURN src.id AS id, src.text AS text, src.publishedOn AS publishedOn",
    { ids: [...new Set(s.evidence.map((span) => span.source))] },
  );
  const sourceById = new Map(sources.map((src) => [src.id, src]));
  s.evidence.forEach((span, i) => {
    const source = sourceById.get(span.source)!;
    const field = given("evidence") ? `input.evidence[${i}]` : given("text") ? "input.text" : "input.kind";
    const problem = spanProblem(s.kind, s.text, source, span);
    if (problem) throw bad(field, given("evidence") ? problem : `evidence[${i}]: ${problem}`);
    if (s.saidOn && s.saidOn > source.publishedOn) {
      throw bad(given("saidOn") ? "input.saidOn" : "input.evidence", `${s.saidOn} is after ${source.id} was published (${source.publishedOn})`);
    }
  });
}

/** Writes the fields that were given (all of them for a new statement), relationships included. */
async function writeStatement(tx: Transaction, s: StatementState, given: Given): Promise<void> {
  const props: Record<string, unknown> = {};
  const temporals: Partial<Record<TemporalProperty, string | null>> = {};
  if (given("text")) props.text = s.text;
  if (given("kind")) props.kind = s.kind;
  if (given("saidOn") || given("datePrecision")) {
    props.datePrecision = s.datePrecision;
    temporals.saidOn = s.saidOn;
  }
  if (given("time")) temporals.time = s.time;
  if (given("channel")) props.channel = s.channel;
  if (given("recurring")) props.recurring = s.recurring;
  await setProperties(tx, s.id, props, temporals);

  if (given("speaker")) {
    await tx.run(
      `MATCH (s:Statement {id: $id})
       OPTIONAL MATCH ()-[old:SAID]->(s)
       DELETE old
       WITH DISTINCT s
       MATCH (speaker:Entity {id: $speaker})
       CREATE (speaker)-[:SAID {source: $source, fromSource: true}]->(s)`,
      { id: s.id, speaker: s.speaker, source: CURATOR },
    );
  }
  if (given("venue")) await replaceLink(tx, s.id, "SAID_AT", s.venue);
  if (given("event")) await replaceLink(tx, s.id, "DURING", s.event);
  if (given("mentions")) {
    await tx.run(
      `MATCH (s:Statement {id: $id})
       OPTIONAL MATCH (s)-[old:MENTIONS]->()
       DELETE old
       WITH DISTINCT s
       UNWIND $mentions AS mentioned
       MATCH (m:Entity {id: mentioned})
       CREATE (s)-[:MENTIONS {source: $source, fromSource: true}]->(m)`,
      { id: s.id, mentions: s.mentions, source: CURATOR },
    );
  }
  if (given("evidence")) {
    await tx.run(
      `MATCH (s:Statement {id: $id})
       OPTIONAL MATCH (s)-[old:REPORTED_IN]->()
       DELETE old
       WITH DISTINCT s
       UNWIND $evidence AS span
       MATCH (src:Source {id: span.source})
       CREATE (s)-[:REPORTED_IN {start: span.start, end: span.end, source: $source, fromSource: true,
                                 excerpt: substring(src.text, span.start, span.end - span.start)}]->(src)`,
      { id: s.id, evidence: s.evidence, source: CURATOR },
    );
  }
}

async function readStatement(tx: Transaction, id: string): Promise<StatementRow | null> {
  const [row] = await tx.run<{ s: StatementRow }>(
    `MATCH (s:Statement {id: $id}) RETURN ${statementMap("s", ALL_STATEMENT_PARTS)} AS s`,
    { id },
  );
  return row?.s ?? null;
}

/** "doe we will sign on friday": the speaker's last name word and the first words of what was said. */
function statementSlugBasis(speaker: string, text: string): string {
  const speakerWord = speaker.split(":")[1]?.split("-").pop() ?? "";
  const words = slugify(text).split("-").slice(0, 6).join(" ");
  return `${speakerWord} ${words}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared checks and writes

interface Reference {
  /** The input field naming the id, e.g. input.mentions[2]. */
  field: string;
  id: string;
  labels: readonly NodeLabel[];
}

/** Every referenced id exists (NOT_FOUND otherwise) and is of a kind the field accepts. */
async function checkReferences(tx: Transaction, references: Reference[]): Promise<void> {
  if (references.length === 0) return;
  const rows = await tx.run<{ id: string; label: NodeLabel }>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'Entity']) AS label`,
    { ids: [...new Set(references.map((r) => r.id))] },
  );
  const labelOf = new Map(rows.map((r) => [r.id, r.label]));
  for (const ref of references) {
    const noun = nouns(ref.labels);
    const label = labelOf.get(ref.id);
    if (!label) throw new MutationError("NOT_FOUND", ref.field, `there is no ${noun} with id ${ref.id}`, ref.id);
    if (!ref.labels.includes(label)) throw new MutationError("BAD_USER_INPUT", ref.field, `${ref.id} is a ${label.toLowerCase()}, not a ${noun}`, ref.id);
  }
}

/** What is wrong with one evidence span, in the loader's words; undefined when it holds. */
function spanProblem(kind: StatementKind, quote: string, source: { id: string; text: string }, span: { start: number; end: number }): string | undefined {
  const { start, end } = span;
  if (start < 0) return `start ${start} must not be negative`;
  if (end <= start) return `end ${end} must be greater than start ${start}`;
  if (end > source.text.length) return `span ${start}-${end} is outside the text of ${source.id} (${source.text.length} characters)`;
  const reads = source.text.slice(start, end);
  if (kind === "DIRECT_QUOTE" && !reads.includes(quote)) {
    return `the quoted words ${JSON.stringify(quote)} are not inside the span ${start}-${end} of ${source.id}, which reads ${JSON.stringify(reads)}`;
  }
  return undefined;
}

/** ISO strings stored as Neo4j temporal values, like the loader stores them; the Cypher function for each. */
const TEMPORAL = { date: "date", startsAt: "datetime", saidOn: "date", time: "time", publishedOn: "date" } as const;
type TemporalProperty = keyof typeof TEMPORAL;

/** Sets plain properties (null removes one) and temporal ones. Property names come from code, never from input. */
async function setProperties(
  tx: Transaction,
  id: string,
  props: Record<string, unknown>,
  temporals: Partial<Record<TemporalProperty, string | null>>,
): Promise<void> {
  const sets = ["n += $props"];
  for (const property of Object.keys(temporals) as TemporalProperty[]) {
    sets.push(`n.${property} = CASE WHEN $temporals.${property} IS NULL THEN null ELSE ${TEMPORAL[property]}($temporals.${property}) END`);
  }
  await tx.run(`MATCH (n:Entity {id: $id}) SET ${sets.join(", ")}`, { id, props, temporals });
}

/** Replaces the node's outgoing link of this type (from any source) with a curator's link, or removes it (null). */
async function replaceLink(tx: Transaction, id: string, type: LinkType, to: string | null): Promise<void> {
  await tx.run(
    `MATCH (a:Entity {id: $id})
     OPTIONAL MATCH (a)-[old:${type}]->()
     DELETE old
     WITH DISTINCT a
     MATCH (b:Entity {id: $to})
     CREATE (a)-[:${type} {source: $source, fromSource: true}]->(b)`,
    { id, to, source: CURATOR },
  );
}

/** A concurrent create committed this id after newId found it free; `creating` runs the transaction again. */
class IdTaken extends Error {
  constructor(readonly id: string) {
    super(`${id} was created by a concurrent request`);
  }
}

/** Enough for that many requests creating under one name at once: each rerun loses only to a create that committed. */
const MAX_CREATE_ATTEMPTS = 50;

/**
 * Runs a create's transaction, again from the start when a concurrent create took its id first. Neo4j fails the
 * whole transaction on a constraint violation, so the retry cannot happen inside it; the rerun sees the winner
 * committed (a CREATE of a taken id waits for the other transaction to end), so newId picks the next free number,
 * or refuses an id the client gave as already existing. Slugs stay numbered without gaps, and no client is told
 * about an id it did not send.
 */
async function creating<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.writeTransaction(work);
    } catch (e) {
      if (!(e instanceof IdTaken)) throw e;
      if (attempt === MAX_CREATE_ATTEMPTS) {
        throw new Error(`no free id after ${attempt} attempts, each taken by a concurrent create (last ${e.id})`, { cause: e });
      }
    }
  }
}

async function createNode(tx: Transaction, label: EntityLabel | "Source" | "Statement", id: string): Promise<void> {
  const props = label === "Source" || label === "Statement" ? {} : { fromSource: true };
  try {
    await tx.run(`CREATE (n:${label}:Entity {id: $id}) SET n += $props`, { id, props });
  } catch (e) {
    if ((e as { code?: string }).code === "Neo.ClientError.Schema.ConstraintValidationFailed") throw new IdTaken(id);
    throw e;
  }
}

/**
 * The given id, refused when taken; or a slug of the basis with the label's prefix (person:jane-doe), made unique
 * with -2, -3, … like a reader would number namesakes.
 */
async function newId(tx: Transaction, label: EntityLabel | "Source" | "Statement", given: string | null | undefined, basis: string): Promise<string> {
  if (given) {
    const [taken] = await tx.run<{ label: string }>(
      "MATCH (n:Entity {id: $id}) RETURN head([l IN labels(n) WHERE l <> 'Entity']) AS label",
      { id: given },
    );
    if (taken) throw bad("input.id", `${given} already exists (a ${taken.label.toLowerCase()}); update it or choose another id`);
    return given;
  }
  const base = `${prefixOf(label)}:${slugify(basis) || "unnamed"}`;
  const rows = await tx.run<{ id: string }>(
    "MATCH (n:Entity) WHERE n.id = $base OR n.id STARTS WITH $base + '-' RETURN n.id AS id",
    { base },
  );
  const taken = new Set(rows.map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const MAX_SLUG = 60;

/** "Çırağan Palace" → "ciragan-palace": the folded name key, ASCII letters and digits only, cut at a word. */
function slugify(text: string): string {
  const slug = nameKey(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG);
}

const prefixOf = (label: EntityLabel | "Source" | "Statement") => label.toLowerCase();

function nouns(labels: readonly NodeLabel[]): string {
  const words = labels.map((l) => l.toLowerCase());
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function missing(label: NodeLabel, id: string): MutationError {
  return new MutationError("NOT_FOUND", "id", `there is no ${label.toLowerCase()} with id ${id}`, id);
}

function bad(field: string, problem: string): MutationError {
  return new MutationError("BAD_USER_INPUT", field, problem);
}
