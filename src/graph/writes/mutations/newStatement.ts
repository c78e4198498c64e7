// A curator's new statement written in one query: the node, its properties, the fields the curator set and every
// relationship it names, returned as the API reads it. One round trip where creating and setting each part took seven.
import { ALL_STATEMENT_PARTS, statementMap } from "../../projections";
import type { StatementRow } from "../../rows";
import type { Transaction } from "../../runtime/database";
import { creatingId } from "./creating";
import type { StatementState } from "./statementChecks";
import { CURATOR } from "./writeHelpers";

/** One relationship of the new statement: the node at its other end and the relationship's own properties. */
const LINKED = (parameter: string, pattern: string, set = "") => `CALL (s) {
  UNWIND $${parameter} AS link
  MATCH (other:Entity {id: link.id})
  CREATE ${pattern}${set}
}`;

/**
 * What setProperties, markCurated and replaceRelationships write for a new statement, in one statement: the
 * relationships carry the curator's mark like theirs, and an evidence span the text it covers.
 */
export const CREATE_STATEMENT = `CREATE (s:Statement:Entity {id: $id})
SET s += $props,
    s.saidOn = CASE WHEN $saidOn IS NULL THEN null ELSE date($saidOn) END,
    s.time = CASE WHEN $time IS NULL THEN null ELSE time($time) END,
    s.curatedFields = $curated
WITH s
${LINKED("said", "(other)-[:SAID {source: $source, fromSource: true}]->(s)")}
${LINKED("venue", "(s)-[:SAID_AT {source: $source, fromSource: true}]->(other)")}
${LINKED("event", "(s)-[:DURING {source: $source, fromSource: true}]->(other)")}
${LINKED("mentions", "(s)-[:MENTIONS {source: $source, fromSource: true}]->(other)")}
${LINKED("respondsTo", "(s)-[r:RESPONDS_TO {source: $source, fromSource: true}]->(other)", " SET r += link.props")}
${LINKED(
  "evidence",
  "(s)-[r:REPORTED_IN {source: $source, fromSource: true}]->(other)",
  "\nSET r += link.props, r.excerpt = substring(other.text, link.props.start, link.props.end - link.props.start)",
)}
RETURN ${statementMap("s", ALL_STATEMENT_PARTS)} AS s`;

/** Creates the statement with everything it names (already checked), and reads it back. */
export async function createStatement(tx: Transaction, s: StatementState): Promise<StatementRow> {
  const ids = (id: string | null) => (id ? [{ id }] : []);
  // A concurrent create of the same id makes it fail with IdTaken, and the write is run again (creating.ts).
  const [row] = await creatingId(s.id, () =>
    tx.run<{ s: StatementRow }>(CREATE_STATEMENT, {
      id: s.id,
      props: {
        text: s.text,
        kind: s.kind,
        datePrecision: s.datePrecision,
        channel: s.channel,
        recurring: s.recurring,
      },
      saidOn: s.saidOn,
      time: s.time,
      // The order markCurated gives them.
      curated: ["id", "text", "kind", "time", "channel", "saidOn", "datePrecision"],
      said: ids(s.speaker),
      venue: ids(s.venue),
      event: ids(s.event),
      mentions: s.mentions.map((id) => ({ id })),
      respondsTo: s.respondsTo.map((r) => ({ id: r.statement, props: { relation: r.relation } })),
      evidence: s.evidence.map((span) => ({ id: span.source, props: { start: span.start, end: span.end } })),
      source: CURATOR,
    }),
  );
  return row!.s;
}
