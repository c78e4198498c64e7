// Curator edits of statements. A statement is checked as a whole, like the loader checks a dataset's: speaker and
// other references, dates, and every evidence span against its source's text and publication date.
import {
  changedPrecision,
  saidAfterPublishedProblem,
  statementDateProblems,
  type Precision,
} from "../../../domain/dates";
import { InvalidInputError } from "../../../domain/errors";
import { statementSlugBasis } from "../../../domain/ids";
import { MENTIONABLE_LABELS, SPEAKER_LABELS } from "../../../domain/labels";
import { responsesProblems, type DatedStatement, type ResponseTarget } from "../../../domain/responses";
import { quotePiecesProblem, spanProblem, type StatementKind } from "../../../domain/spans";
import type { Database, Transaction } from "../../runtime/database";
import { ChangeSet, type Actor } from "../changes/changeLog";
import { dependentIds } from "../changes/nodeStates";
import { ALL_STATEMENT_PARTS, statementMap } from "../../projections";
import type { StatementRow } from "../../rows";
import { createNode, creating, newId } from "./creating";
import type { EvidenceSpan, StatementChanges } from "./inputs";
import { checkReferences, notFound, type Reference } from "./references";
import {
  markCurated,
  replaceRelationships,
  setProperties,
  type CuratedLink,
  type CuratedRelationship,
  type Temporals,
} from "./writeHelpers";

/** A statement as it will be once the change is made: the stored fields with the given ones over them. */
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
  respondsTo: ResponseTarget[];
}

/** Whether a field was given: always when creating, when not undefined when updating. */
type Given = (field: keyof StatementChanges) => boolean;

export async function recordStatement(
  db: Database,
  input: StatementChanges,
  actor: Actor = null,
): Promise<StatementRow> {
  return creating(db, async (tx) => {
    const id = await newId(tx, "Statement", input.id, statementSlugBasis(input.speaker ?? "", input.text ?? ""));
    const state = mergeStatement(id, null, input);
    const changes = await ChangeSet.start(tx, []);
    const given = () => true;
    await checkStatement(tx, state, input, given);
    await createNode(tx, "Statement", id);
    await writeStatement(tx, state, given, { created: true });
    const written = (await readStatement(tx, id))!;
    // The statement's entry; its source has its own, from the write that created it.
    await changes.finish(tx, [id], { actor, source: state.evidence[0]?.source ?? null });
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
    await checkStatement(tx, state, input, given);
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

/** What the loader checks of a dataset's statement: references, dates, and every span against its source's text. */
async function checkStatement(
  tx: Transaction,
  s: StatementState,
  input: StatementChanges,
  given: Given,
): Promise<void> {
  const references: Reference[] = [];
  if (given("speaker")) references.push({ field: "input.speaker", id: s.speaker, labels: SPEAKER_LABELS });
  if (given("venue") && s.venue) references.push({ field: "input.venue", id: s.venue, labels: ["Venue"] });
  if (given("event") && s.event) references.push({ field: "input.event", id: s.event, labels: ["Event"] });
  if (given("mentions")) {
    (input.mentions ?? []).forEach((m, i) =>
      references.push({ field: `input.mentions[${i}]`, id: m, labels: MENTIONABLE_LABELS }),
    );
  }
  if (given("evidence")) {
    if (s.evidence.length === 0)
      throw new InvalidInputError("input.evidence", "a statement needs at least one evidence span");
    s.evidence.forEach((span, i) =>
      references.push({ field: `input.evidence[${i}].source`, id: span.source, labels: ["Source"] }),
    );
  }
  if (given("respondsTo")) {
    (input.respondsTo ?? []).forEach((r, i) =>
      references.push({ field: `input.respondsTo[${i}].statement`, id: r.statement, labels: ["Statement"] }),
    );
  }
  await checkReferences(tx, references);
  if (given("respondsTo") || given("saidOn") || given("datePrecision")) await checkResponses(tx, s, given);

  const [wrongDate] = statementDateProblems(s);
  if (wrongDate) {
    // A stored date that no longer fits a new precision is the precision's fault.
    const field = wrongDate.field === "saidOn" && given("saidOn") ? "input.saidOn" : "input.datePrecision";
    throw new InvalidInputError(field, wrongDate.problem);
  }

  const sources = await tx.run<{ id: string; text: string; publishedOn: string }>(
    `UNWIND $ids AS id
     MATCH (src:Source {id: id})
     RETURN src.id AS id, src.text AS text, src.publishedOn AS publishedOn`,
    { ids: [...new Set(s.evidence.map((span) => span.source))] },
  );
  const sourceById = new Map(sources.map((src) => [src.id, src]));
  s.evidence.forEach((span, i) => {
    const source = sourceById.get(span.source)!;
    const field = given("evidence") ? `input.evidence[${i}]` : given("text") ? "input.text" : "input.kind";
    const problem = spanProblem(s.kind, s.text, source, span);
    if (problem) throw new InvalidInputError(field, given("evidence") ? problem : `evidence[${i}]: ${problem}`);
    const late = saidAfterPublishedProblem(s.saidOn, source);
    if (late) throw new InvalidInputError(given("saidOn") ? "input.saidOn" : "input.evidence", late);
  });
  const reads = s.evidence.map((span) => sourceById.get(span.source)!.text.slice(span.start, span.end));
  const pieces = quotePiecesProblem(s.kind, s.text, reads);
  if (pieces) throw new InvalidInputError(given("text") ? "input.text" : "input.evidence", pieces);
}

/** Each response once, to another statement, not said after this one (both dates known). */
async function checkResponses(tx: Transaction, s: StatementState, given: Given): Promise<void> {
  if (s.respondsTo.length === 0) return; // nothing to check, nothing to read
  const targets = await tx.run<DatedStatement>(
    `UNWIND $ids AS id
     MATCH (t:Statement {id: id})
     RETURN t.id AS id, toString(t.saidOn) AS saidOn, t.datePrecision AS datePrecision`,
    { ids: s.respondsTo.map((r) => r.statement) },
  );
  const byId = new Map(targets.map((t) => [t.id, t]));
  // A new date is checked against the stored responses, which sources may state with different relations.
  const responses = given("respondsTo")
    ? s.respondsTo
    : [...new Map(s.respondsTo.map((r) => [r.statement, r])).values()];
  const [problem] = responsesProblems(s, responses, (id) => byId.get(id));
  if (!problem) return;
  const field = given("respondsTo") ? `input.respondsTo[${problem.index}]` : "input.saidOn";
  throw new InvalidInputError(field, problem.problem);
}

/**
 * Writes the fields that were given (all of them for a new statement), relationships included. A statement created
 * in this transaction has no relationships yet: replacing its none by none is skipped (one round trip each, with the
 * writes queued behind this one for the log's counter).
 */
async function writeStatement(
  tx: Transaction,
  s: StatementState,
  given: Given,
  { created = false }: { created?: boolean } = {},
): Promise<void> {
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
  await markCurated(tx, s.id, [...(created ? ["id"] : []), ...curated, ...dated]);

  const replace = async (type: CuratedRelationship, links: CuratedLink[]) => {
    if (!created || links.length > 0) await replaceRelationships(tx, s.id, type, links);
  };
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
