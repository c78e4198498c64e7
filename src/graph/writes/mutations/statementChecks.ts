// What the loader checks of a dataset's statement, for a curator's: references, dates, responses, and every evidence
// span against its source's text. Everything the checks need from the graph is read in one query (a round trip per
// kind of fact cost each write a turn of Neo4j and of the driver), then checked in a fixed order, so that the first
// problem reported is the same as when each was read apart.
import { saidAfterPublishedProblem, statementDateProblems, type Precision } from "../../../domain/dates";
import { InvalidInputError } from "../../../domain/errors";
import { MENTIONABLE_LABELS, SPEAKER_LABELS } from "../../../domain/labels";
import { responsesProblems, type DatedStatement, type ResponseTarget } from "../../../domain/responses";
import { quotePiecesProblem, spanProblem, type StatementKind } from "../../../domain/spans";
import type { Transaction } from "../../runtime/database";
import { ID_FACTS, type IdFacts } from "./creating";
import type { EvidenceSpan, StatementChanges } from "./inputs";
import {
  checkReferencedLabels,
  REFERENCED_LABELS,
  referencedIds,
  type Reference,
  type ReferencedLabel,
} from "./references";

/** A statement as it will be once the change is made: the stored fields with the given ones over them. */
export interface StatementState {
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
export type Given = (field: keyof StatementChanges) => boolean;

interface SourceFacts {
  id: string;
  text: string;
  publishedOn: string;
}

/** What the checks read: the referenced nodes' labels, the cited sources, the statements responded to. */
export interface StatementFacts extends IdFacts {
  referenced: ReferencedLabel[];
  sources: SourceFacts[];
  targets: DatedStatement[];
}

const STATEMENT_FACTS = `RETURN ${REFERENCED_LABELS},
     COLLECT {
       UNWIND $sources AS id
       MATCH (src:Source {id: id})
       RETURN {id: src.id, text: src.text, publishedOn: src.publishedOn}
     } AS sources,
     COLLECT {
       UNWIND $targets AS id
       MATCH (t:Statement {id: id})
       RETURN {id: t.id, saidOn: toString(t.saidOn), datePrecision: t.datePrecision}
     } AS targets,
     ${ID_FACTS}`;

/**
 * The ids the change names (only those given are checked), with the input field that names each. The state's id
 * is not used: a new statement's is chosen from the same read.
 */
function references(s: StatementState, input: StatementChanges, given: Given): Reference[] {
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
    s.evidence.forEach((span, i) =>
      references.push({ field: `input.evidence[${i}].source`, id: span.source, labels: ["Source"] }),
    );
  }
  if (given("respondsTo")) {
    (input.respondsTo ?? []).forEach((r, i) =>
      references.push({ field: `input.respondsTo[${i}].statement`, id: r.statement, labels: ["Statement"] }),
    );
  }
  return references;
}

/**
 * Reads what checkStatement needs, in one query; with `id` (ID_FACTS' $given and $base), also what decides a new
 * statement's id.
 */
export async function readStatementFacts(
  tx: Transaction,
  s: StatementState,
  input: StatementChanges,
  given: Given,
  id: { given: string | null; base: string | null } = { given: null, base: null },
): Promise<StatementFacts> {
  const [facts] = await tx.run<StatementFacts>(STATEMENT_FACTS, {
    referenced: referencedIds(references(s, input, given)),
    sources: [...new Set(s.evidence.map((span) => span.source))],
    targets: s.respondsTo.map((r) => r.statement),
    ...id,
  });
  return facts!;
}

/** Checks the statement as the loader would, on facts read by readStatementFacts; the first problem is thrown. */
export function checkStatement(s: StatementState, input: StatementChanges, given: Given, facts: StatementFacts): void {
  if (given("evidence") && s.evidence.length === 0)
    throw new InvalidInputError("input.evidence", "a statement needs at least one evidence span");
  checkReferencedLabels(references(s, input, given), facts.referenced);
  if (given("respondsTo") || given("saidOn") || given("datePrecision")) checkResponses(s, given, facts.targets);

  const [wrongDate] = statementDateProblems(s);
  if (wrongDate) {
    // A stored date that no longer fits a new precision is the precision's fault.
    const field = wrongDate.field === "saidOn" && given("saidOn") ? "input.saidOn" : "input.datePrecision";
    throw new InvalidInputError(field, wrongDate.problem);
  }

  const sourceById = new Map(facts.sources.map((src) => [src.id, src]));
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
function checkResponses(s: StatementState, given: Given, targets: readonly DatedStatement[]): void {
  if (s.respondsTo.length === 0) return;
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
