// Curator edits of people, states, organizations, venues and events. Each function is one write transaction: it
// checks the change against what is stored (the rules the loader applies to a dataset), writes the way the loader
// does, and reads the result back inside that transaction. A refused change writes nothing.
import { changedPrecision, eventDateProblems, precisionWithoutDateProblem } from "../../../domain/dates";
import { InvalidInputError } from "../../../domain/errors";
import { SPEAKER_LABELS, type EntityLabel, type Label } from "../../../domain/labels";
import type { Database, Transaction } from "../../runtime/database";
import { ChangeSet, type Actor } from "../changes/changeLog";
import { dependentIds } from "../changes/nodeStates";
import { lookupKeys, spellingText } from "../../../domain/resolution";
import { nodeMap } from "../../projections";
import type { EntityRow } from "../../rows";
import { createNode, creating, newId } from "./creating";
import { refuseDuplicate } from "./duplicates";
import type { EntityChanges } from "./inputs";
import { checkReferences, notFound, type Reference } from "./references";
import {
  markCurated,
  replaceRelationships,
  setProperties,
  type CuratedRelationship,
  type Temporals,
} from "./writeHelpers";

type LinkField = "state" | "locatedIn" | "venue" | "follows";

interface EntityLink {
  field: LinkField;
  /** A constant spliced into Cypher. */
  type: CuratedRelationship;
  target: Label;
  /** The refusal of a link to the entity itself, for links that must not form a cycle. */
  cyclic?: string;
}

/** The links each kind of entity has, as the dataset format names them. */
const LINKS: Record<EntityLabel, EntityLink[]> = {
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

type Entity<L extends EntityLabel> = Extract<EntityRow, { label: L }>;

export async function createEntity<L extends EntityLabel>(
  db: Database,
  label: L,
  input: EntityChanges,
  actor: Actor = null,
): Promise<Entity<L>> {
  return creating(db, async (tx) => {
    const id = await newId(tx, label, input.id, input.name ?? "");
    const changes = await ChangeSet.start(tx, []);
    const fields = entityFields(label, null, input);
    await checkEntityLinks(tx, label, id, input, false);
    await refuseDuplicate(tx, label, id, input);
    await createNode(tx, label, id);
    // A curator's node keeps its id whatever sources later claim about it.
    await markCurated(tx, id, ["id"]);
    await writeEntity(tx, label, id, input, fields);
    const written = (await readEntity(tx, label, id))!;
    await changes.finish(tx, [id], { actor });
    return written;
  });
}

export async function updateEntity<L extends EntityLabel>(
  db: Database,
  label: L,
  id: string,
  input: EntityChanges,
  actor: Actor = null,
): Promise<Entity<L>> {
  return db.writeTransaction(async (tx) => {
    const current = await readEntity(tx, label, id);
    if (!current) throw notFound(label, id);
    const changes = await ChangeSet.start(tx, [id]);
    const fields = entityFields(label, current, input);
    await checkEntityLinks(tx, label, id, input, true);
    await writeEntity(tx, label, id, input, fields);
    const written = (await readEntity(tx, label, id))!;
    await changes.finish(tx, [id], { actor });
    return written;
  });
}

/** Deletes an entity with its relationships; refused while it is the speaker of statements (they would lose it). */
export async function deleteEntity(db: Database, label: EntityLabel, id: string, actor: Actor = null): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const [node] = await tx.run<{ said: number; examples: string[] }>(
      `MATCH (n:${label} {id: $id})
       RETURN COUNT { (n)-[:SAID]->(:Statement) } AS said,
              COLLECT { MATCH (n)-[:SAID]->(s:Statement) RETURN s.id ORDER BY s.id LIMIT 3 } AS examples`,
      { id },
    );
    if (!node) throw notFound(label, id);
    if (node.said > 0) {
      const more = node.said > node.examples.length ? ", …" : "";
      const statements = `${node.said} ${node.said === 1 ? "statement" : "statements"}`;
      throw new InvalidInputError(
        "id",
        `${id} said ${statements} (${node.examples.join(", ")}${more}); delete them or give them another speaker first`,
        id,
      );
    }
    // Statements that mention it, events it took part in, … lose a link: they change too.
    const changes = await ChangeSet.start(tx, [id, ...(await dependentIds(tx, [id]))]);
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
    await changes.finish(tx, [], { actor });
  });
}

interface EntityFields {
  props: Record<string, unknown>;
  temporals: Temporals;
  /** Set when the name or aliases change: the new "prefix|folded name" keys. */
  keys?: string[];
}

/** The properties to write: the given fields, checked together with the stored ones they depend on. */
function entityFields(label: EntityLabel, current: EntityRow | null, input: EntityChanges): EntityFields {
  const props: Record<string, unknown> = {};
  const temporals: Temporals = {};
  const fields: EntityFields = { props, temporals };
  const given = (field: keyof EntityChanges) => !current || input[field] !== undefined;

  if (given("name") || given("aliases")) {
    const name = input.name ?? current?.name ?? "";
    const aliases = input.aliases !== undefined ? (input.aliases ?? []) : (current?.aliases ?? []);
    const distinct = [...new Set(aliases)].filter((a) => a !== name);
    Object.assign(props, {
      name,
      aliases: distinct,
      aliasText: distinct.map((a) => `${a} `).join(""),
      spellings: spellingText(label, [name, ...distinct]),
    });
    fields.keys = lookupKeys(label, [name, ...distinct]);
  }
  if (given("description")) props.description = input.description ?? null;
  if (label === "State" && given("isoCode")) props.isoCode = input.isoCode;
  if (label === "Venue" && given("kind")) props.kind = input.kind;
  if (label === "Event") {
    const stored = current as Entity<"Event"> | null;
    const date = input.date !== undefined ? input.date : (stored?.date ?? null);
    const startsAt = input.startsAt !== undefined ? input.startsAt : (stored?.startsAt ?? null);
    const precision = changedPrecision(input.datePrecision, input.date, stored?.datePrecision ?? null);
    const undated = precisionWithoutDateProblem(date, precision, "a date");
    if (undated) throw new InvalidInputError("input.datePrecision", undated);
    const [wrong] = eventDateProblems({ date, datePrecision: precision, startsAt });
    if (wrong) throw new InvalidInputError(`input.${wrong.field}`, wrong.problem);
    if (given("date") || given("datePrecision")) {
      props.datePrecision = precision;
      temporals.date = date;
    }
    if (given("startsAt")) temporals.startsAt = startsAt;
  }
  return fields;
}

/** Link targets exist with the right label and make no cycle; participants are speakers, each listed once. */
async function checkEntityLinks(
  tx: Transaction,
  label: EntityLabel,
  id: string,
  input: EntityChanges,
  updating: boolean,
): Promise<void> {
  const references: Reference[] = [];
  for (const link of LINKS[label]) {
    const to = input[link.field];
    if (!to) continue;
    if (link.cyclic && to === id) throw new InvalidInputError(`input.${link.field}`, link.cyclic);
    references.push({ field: `input.${link.field}`, id: to, labels: [link.target] });
  }
  if (label === "Event" && input.participants) {
    const seen = new Set<string>();
    input.participants.forEach((p, i) => {
      if (seen.has(p.id)) throw new InvalidInputError(`input.participants[${i}]`, `${p.id} is listed twice`);
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
    if (row?.cycle) {
      const where = link.type === "FOLLOWS" ? "after" : "inside";
      throw new InvalidInputError(`input.${link.field}`, `${to} is itself ${where} ${id}, which would make a cycle`);
    }
  }
}

async function writeEntity(
  tx: Transaction,
  label: EntityLabel,
  id: string,
  input: EntityChanges,
  fields: EntityFields,
): Promise<void> {
  await setProperties(tx, id, fields.props, fields.temporals);
  await markCurated(tx, id, curatedFields(input));
  if (fields.keys) await replaceNameKeys(tx, id, fields.keys);
  for (const link of LINKS[label]) {
    const to = input[link.field];
    if (to !== undefined) await replaceRelationships(tx, id, link.type, to ? [{ id: to }] : []);
  }
  if (label === "Event" && input.participants !== undefined) {
    const participants = (input.participants ?? []).map((p) => ({ id: p.id, props: { role: p.role ?? null } }));
    await replaceRelationships(tx, id, "PARTICIPATED_IN", participants);
  }
}

/** The claimed fields a curator's input sets (a date with its precision): they keep the curator's value from now on. */
function curatedFields(input: EntityChanges): string[] {
  const fields = (["name", "aliases", "description", "isoCode", "kind", "date", "startsAt"] as const).filter(
    (f) => input[f] !== undefined,
  );
  return input.datePrecision !== undefined && !fields.includes("date") ? [...fields, "date"] : fields;
}

async function readEntity<L extends EntityLabel>(tx: Transaction, label: L, id: string): Promise<Entity<L> | null> {
  const [row] = await tx.run<{ node: Entity<L> }>(`MATCH (n:${label} {id: $id}) RETURN ${nodeMap("n")} AS node`, {
    id,
  });
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
