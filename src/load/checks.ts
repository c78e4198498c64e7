// Checks a parsed dataset against itself and its source text: unique ids, references, dates and provenance spans.
import { eventDateProblems, saidAfterPublishedProblem, statementDateProblems } from "../domain/dates";
import { labelOfId } from "../domain/labels";
import { responsesProblems } from "../domain/responses";
import { quotePiecesProblem, spanProblem } from "../domain/spans";
import type { Dataset } from "./dataset";

export interface Reference {
  /** Where the reference sits, for error messages: "statements[2] (statement:x).speaker". */
  where: string;
  id: string;
}

export interface CheckResult {
  problems: string[];
  /** References to ids that this dataset does not define; they must already be in the database. */
  external: Reference[];
}

const linkId = (value: string | { id: string } | undefined) => (typeof value === "string" ? value : value?.id);

function locate(list: string, index: number, id?: string) {
  return `${list}[${index}]${id ? ` (${id})` : ""}`;
}

/**
 * A dataset file is one transaction, and Neo4j caps the memory of one (NEO4J_TX_MAX_MB, 256 MB with the default
 * heap). Files of 10,000 generated statements (and a 680,000-character source) loaded under a 128 MB cap, where
 * 5,000 needed up to 64 MB: these sizes fit the default with room to spare.
 */
export const MAX_STATEMENTS_PER_FILE = 10_000;
export const MAX_SOURCE_TEXT_LENGTH = 5_000_000;

function sizeProblems(dataset: Dataset, sourceText: string): string[] {
  const problems: string[] = [];
  if (dataset.statements.length > MAX_STATEMENTS_PER_FILE) {
    problems.push(
      `statements: ${dataset.statements.length} statements in one file; a dataset file is one transaction and may ` +
        `hold at most ${MAX_STATEMENTS_PER_FILE}: split it into several files (each with a source of its own)`,
    );
  }
  if (sourceText.length > MAX_SOURCE_TEXT_LENGTH) {
    problems.push(
      `source.text: ${sourceText.length} characters; a source text may have at most ${MAX_SOURCE_TEXT_LENGTH}`,
    );
  }
  return problems;
}

/** A statement's responses: each to another statement, once, not said later, its spans inside the source text. */
function responseProblems(
  s: Dataset["statements"][number],
  where: string,
  sourceText: string,
  statementById: ReadonlyMap<string, Dataset["statements"][number]>,
): string[] {
  const problems = responsesProblems(s, s.respondsTo, (id) => statementById.get(id)).map(
    ({ index, problem }) => `${where}.respondsTo[${index}]: ${problem}`,
  );
  s.respondsTo.forEach((r, j) =>
    r.evidence.forEach((span, k) => {
      const problem = spanProblem("REPORTED", s.text, { text: sourceText }, span);
      if (problem) problems.push(`${where}.respondsTo[${j}].evidence[${k}]: ${problem}`);
    }),
  );
  return problems;
}

export function checkDataset(dataset: Dataset, sourceText: string): CheckResult {
  const problems: string[] = sizeProblems(dataset, sourceText);
  const defined = new Map<string, string>();
  const define = (where: string, id: string) => {
    const earlier = defined.get(id);
    if (earlier) problems.push(`${where}: id ${id} is already used by ${earlier}`);
    else defined.set(id, where);
  };
  dataset.people.forEach((e, i) => define(locate("people", i, e.id), e.id));
  dataset.states.forEach((e, i) => define(locate("states", i, e.id), e.id));
  dataset.organizations.forEach((e, i) => define(locate("organizations", i, e.id), e.id));
  dataset.venues.forEach((e, i) => define(locate("venues", i, e.id), e.id));
  dataset.events.forEach((e, i) => define(locate("events", i, e.id), e.id));
  dataset.statements.forEach((e, i) => define(locate("statements", i, e.id), e.id));

  const references: Reference[] = [];
  const ref = (where: string, id: string | undefined) => {
    if (id) references.push({ where, id });
  };
  dataset.organizations.forEach((o, i) => ref(`${locate("organizations", i, o.id)}.partOf`, linkId(o.partOf)));
  dataset.venues.forEach((v, i) => {
    ref(`${locate("venues", i, v.id)}.locatedIn`, linkId(v.locatedIn));
    ref(`${locate("venues", i, v.id)}.state`, linkId(v.state));
    if (linkId(v.locatedIn) === v.id) {
      problems.push(`${locate("venues", i, v.id)}.locatedIn: a venue cannot be located in itself`);
    }
  });
  dataset.events.forEach((e, i) => {
    const where = locate("events", i, e.id);
    ref(`${where}.venue`, linkId(e.venue));
    ref(`${where}.follows`, linkId(e.follows));
    e.participants.forEach((p, j) => ref(`${where}.participants[${j}]`, p.id));
    for (const { field, problem } of eventDateProblems(e)) problems.push(`${where}.${field}: ${problem}`);
  });
  dataset.offices.forEach((o, i) => {
    ref(`offices[${i}].person`, o.person);
    ref(`offices[${i}].state`, o.state);
  });
  dataset.memberships.forEach((m, i) => {
    ref(`memberships[${i}].member`, m.member);
    ref(`memberships[${i}].organization`, m.organization);
  });

  const published = dataset.source.publishedOn;
  const statementById = new Map(dataset.statements.map((s) => [s.id, s]));
  /** Statements responded to that this dataset does not define: they must be in the graph. */
  const respondedTo: Reference[] = [];
  dataset.statements.forEach((s, i) => {
    const where = locate("statements", i, s.id);
    ref(`${where}.speaker`, s.speaker);
    ref(`${where}.venue`, linkId(s.venue));
    ref(`${where}.event`, linkId(s.event));
    s.mentions.forEach((m, j) => ref(`${where}.mentions[${j}]`, m));
    const late = saidAfterPublishedProblem(s.saidOn, { publishedOn: published });
    if (late) problems.push(`${where}.saidOn: ${late}`);
    for (const { field, problem } of statementDateProblems(s)) problems.push(`${where}.${field}: ${problem}`);
    const spanProblems = s.evidence.flatMap((span, j) => {
      const problem = spanProblem(s.kind, s.text, { text: sourceText }, span);
      return problem ? [`${where}.evidence[${j}]: ${problem}`] : [];
    });
    problems.push(...spanProblems);
    // Each span holds a piece of the quotation; together they must hold all of them.
    const reads = s.evidence.map((e) => sourceText.slice(e.start, e.end));
    const pieces = quotePiecesProblem(s.kind, s.text, reads);
    if (pieces && spanProblems.length === 0) problems.push(`${where}.evidence: ${pieces}`);
    problems.push(...responseProblems(s, where, sourceText, statementById));
    s.respondsTo.forEach((r, j) => {
      if (!statementById.has(r.statement))
        respondedTo.push({ where: `${where}.respondsTo[${j}].statement`, id: r.statement });
    });
  });

  const external: Reference[] = [...respondedTo];
  for (const r of references) {
    if (defined.has(r.id)) continue;
    if (labelOfId(r.id) === "Statement") problems.push(`${r.where}: ${r.id} is not a statement of this dataset`);
    else external.push(r);
  }
  return { problems, external };
}
