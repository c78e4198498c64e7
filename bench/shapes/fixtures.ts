// The ids the shapes ask about, chosen from the loaded data by fixed rules (ties: smallest id), on top of the
// benchmark's own fixtures, so every run at a size asks the same.
import type { Database } from "../../src/graph/runtime/database";
import { chooseFixtures, type Fixtures } from "../fixtures";

export interface ShapeFixtures extends Fixtures {
  /** The second most prolific person. */
  otherPerson: string;
  /** The city with the most statements said at it or at a venue inside it. */
  city: string;
  /** The event with the most statements said during it. */
  event: string;
  /** The organization with the most members, then the most statements. */
  organization: string;
  /** The most mentioned person. */
  mentioned: string;
  /** The most prolific person's latest statement. */
  statement: string;
  /** The first statement in a conversation (responding or responded to); else the latest statement above. */
  conversation: string;
  /** The source reporting the most statements. */
  source: string;
  /** The person with memberships who said the most. */
  member: string;
  /** The speaker taking part in the most events. */
  participant: string;
}

async function one(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<string> {
  const [row] = await db.read<{ id: string }>(cypher, params);
  if (!row) throw new Error(`the data has no shape fixture for: ${cypher.replace(/\s+/g, " ")}`);
  return row.id;
}

export async function chooseShapeFixtures(db: Database): Promise<ShapeFixtures> {
  const base = await chooseFixtures(db);
  const statement = await one(
    db,
    "MATCH (:Person {id: $person})-[:SAID]->(s:Statement) RETURN s.id AS id ORDER BY s.saidOn DESC, s.id DESC LIMIT 1",
    { person: base.person },
  );
  return {
    ...base,
    otherPerson: await one(
      db,
      "MATCH (p:Person) RETURN p.id AS id ORDER BY COUNT { (p)-[:SAID]->() } DESC, p.id SKIP 1 LIMIT 1",
    ),
    city: await one(
      db,
      `MATCH (c:Venue {kind: 'city'})
       RETURN c.id AS id ORDER BY COUNT { (c)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-() } DESC, c.id LIMIT 1`,
    ),
    event: await one(db, "MATCH (e:Event) RETURN e.id AS id ORDER BY COUNT { (e)<-[:DURING]-() } DESC, e.id LIMIT 1"),
    organization: await one(
      db,
      `MATCH (o:Organization)
       RETURN o.id AS id ORDER BY COUNT { (o)<-[:MEMBER_OF]-() } DESC, COUNT { (o)-[:SAID]->() } DESC, o.id LIMIT 1`,
    ),
    mentioned: await one(
      db,
      "MATCH (p:Person) RETURN p.id AS id ORDER BY COUNT { (p)<-[:MENTIONS]-() } DESC, p.id LIMIT 1",
    ),
    statement,
    conversation: await one(
      db,
      `OPTIONAL MATCH (s:Statement) WHERE EXISTS { (s)-[:RESPONDS_TO]-() }
       WITH s ORDER BY s.id LIMIT 1
       RETURN coalesce(s.id, $statement) AS id`,
      { statement },
    ),
    source: await one(
      db,
      "MATCH (s:Source) RETURN s.id AS id ORDER BY COUNT { (s)<-[:REPORTED_IN]-() } DESC, s.id LIMIT 1",
    ),
    member: await one(
      db,
      `MATCH (p:Person) WHERE EXISTS { (p)-[:MEMBER_OF]->() }
       RETURN p.id AS id ORDER BY COUNT { (p)-[:SAID]->() } DESC, p.id LIMIT 1`,
    ),
    participant: await one(
      db,
      "MATCH (x:Entity)-[:PARTICIPATED_IN]->() RETURN x.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 1",
    ),
  };
}
