// Curator edits of statements. A statement is checked as a whole, like the loader checks a dataset's: speaker and
// other references, dates, and every evidence span against its source's text and publication date.
import { changedPrecision } from "../../../domain/dates";
import { statementSlugBasis } from "../../../domain/ids";
import type { ResponseTarget } from "../../../domain/responses";
import type { StatementKind } from "../../../domain/spans";
import type { Database, Transaction } from "../../runtime/database";
import { ChangeSet, type Actor } from "../changes/changeLog";
import { dependentIds } from "../changes/nodeStates";
import { ALL_STATEMENT_PARTS, statementMap } from "../../projections";
import type { StatementRow } from "../../rows";
import { chooseId, creating, idFactsParams } from "./creating";
import type { EvidenceSpan, StatementChanges } from "./inputs";
import { createStatement } from "./newStatement";
import { notFound } from "./references";
import { checkStatement, readStatementFacts, type Given, type StatementState } from "./statementChecks";
import {
  markCurated,
  replaceRelationships,
  setProperties,
  type CuratedLink,
  type CuratedRelationship,
  type Temporals,
} from "./writeHelpers";

export async function recordStatement(
  db: Database,
  input: StatementChanges,
  actor: Actor = null,
): Promise<StatementRow> {
  return creating(db, async (tx) => {
    const basis = statementSlugBasis(input.speaker ?? "", input.text ?? "");
    const given = () => true;
    // The checks' facts and the id's in one read; then the statement and all it names in one write.
    const unnamed = mergeStatement("", null, input);
    const facts = await readStatementFacts(tx, unnamed, input, given, idFactsParams("Statement", input.id, basis));
    const state = { ...unnamed, id: chooseId("Statement", input.id, basis, facts) };
    const changes = await ChangeSet.start(tx, []);
    checkStatement(state, input, given, facts);
    const written = await createStatement(tx, state);
    // The statement's entry; its source has its own, from the write that created it.
    await changes.finish(tx, [state.id], { actor, source: state.evidence[0]?.source ?? null });
    return written;
  });
}

/** Changes a statement; the result is checked as a whole (a new text must still be inside the stored spans, …). */
export async function updateStatement(
  db: Database,
  id: string,
  input: StatementChanges,
  actor: Actor = null,
): Promise<StatementRow> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ s: StatementState }>(
      `MATCH (s:Statement {id: $id})
       RETURN s {.id, .text, .kind, .saidOn, .datePrecision, .time, .channel, recurring: coalesce(s.recurring, false),
                 speaker: head([(s)<-[:SAID]-(sp) | sp.id]),
                 venue: head([(s)-[:SAID_AT]->(v:Venue) | v.id]),
                 event: head([(s)-[:DURING]->(e:Event) | e.id]),
                 mentions: [(s)-[:MENTIONS]->(m) | m.id],
                 evidence: [(s)-[r:REPORTED_IN]->(src:Source) | {source: src.id, start: r.start, end: r.end}],
                 respondsTo: [(s)-[r:RESPONDS_TO]->(t:Statement) | {statement: t.id, relation: r.relation}]} AS s`,
      { id },
    );
    if (!row) throw notFound("Statement", id);
    const changes = await ChangeSet.start(tx, [id]);
    const state = mergeStatement(id, row.s, input);
    const given = (field: keyof StatementChanges) => input[field] !== undefined;
    checkStatement(state, input, given, await readStatementFacts(tx, state, input, given));
    await writeStatement(tx, state, given);
    const written = (await readStatement(tx, id))!;
    await changes.finish(tx, [id], { actor });
    return written;
  });
}

export async function deleteStatement(db: Database, id: string, actor: Actor = null): Promise<void> {
  await db.writeTransaction(async (tx) => {
    // Statements that respond to it lose that link: they change too.
    const changes = await ChangeSet.start(tx, [id, ...(await dependentIds(tx, [id]))]);
    const [row] = await tx.run<{ deleted: number }>(
      "MATCH (s:Statement {id: $id}) DETACH DELETE s RETURN count(*) AS deleted",
      { id },
    );
    if (!row?.deleted) throw notFound("Statement", id);
    await changes.finish(tx, [], { actor });
  });
}

function mergeStatement(id: string, current: StatementState | null, input: StatementChanges): StatementState {
  const pick = <K extends keyof StatementChanges & keyof StatementState>(
    field: K,
  ): StatementChanges[K] | StatementState[K] | null =>
    input[field] !== undefined ? input[field] : current ? current[field] : null;
  const saidOn = pick("saidOn") as string | null;
  const precision = changedPrecision(input.datePrecision, input.saidOn, current?.datePrecision ?? null);
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
    // Several sources may state one response: the statement answers each statement once.
    respondsTo: [
      ...new Map(
        ((pick("respondsTo") as readonly ResponseTarget[] | null) ?? []).map((r) => [
          `${r.statement} ${r.relation}`,
          r,
        ]),
      ).values(),
    ],
  };
}

/** Writes the fields that were given, relationships included (a new statement: createStatement). */
async function writeStatement(tx: Transaction, s: StatementState, given: Given): Promise<void> {
  const props: Record<string, unknown> = {};
  const temporals: Temporals = {};
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
  // What a curator set keeps the curator's value when sources report the statement too.
  const dated = given("saidOn") || given("datePrecision") ? ["saidOn", "datePrecision"] : [];
  const curated = (["text", "kind", "time", "channel"] as const).filter((f) => given(f));
  await markCurated(tx, s.id, [...curated, ...dated]);

  const replace = (type: CuratedRelationship, links: CuratedLink[]) => replaceRelationships(tx, s.id, type, links);
  if (given("speaker")) await replace("SAID", [{ id: s.speaker }]);
  if (given("venue")) await replace("SAID_AT", s.venue ? [{ id: s.venue }] : []);
  if (given("event")) await replace("DURING", s.event ? [{ id: s.event }] : []);
  if (given("mentions"))
    await replace(
      "MENTIONS",
      s.mentions.map((id) => ({ id })),
    );
  if (given("respondsTo")) {
    await replace(
      "RESPONDS_TO",
      s.respondsTo.map((r) => ({ id: r.statement, props: { relation: r.relation } })),
    );
  }
  if (given("evidence")) {
    await replace(
      "REPORTED_IN",
      s.evidence.map((span) => ({ id: span.source, props: { start: span.start, end: span.end } })),
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
