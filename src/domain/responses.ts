// Conversations: a statement that answers, rejects, confirms or quotes another. The rules every write path (the
// loader, the bulk import, the mutations) applies to a statement's responses.
import type { Precision } from "./dates";

export const RESPONSE_RELATIONS = ["ANSWERS", "REJECTS", "CONFIRMS", "QUOTES"] as const;
export type ResponseRelation = (typeof RESPONSE_RELATIONS)[number];

/** The deepest a conversation is followed from a statement, both ways (conversation(maxDepth)). */
export const MAX_CONVERSATION_DEPTH = 10;
/** The most responses Statement.respondsTo or Statement.responses lists: the earliest, in date order. */
export const MAX_RESPONSES = 100;
/** The most statements one conversation answers with: the earliest, in date order. */
export const MAX_CONVERSATION_STATEMENTS = 100;

export interface DatedStatement {
  id: string;
  saidOn?: string | null;
  datePrecision?: Precision | null;
}

export interface ResponseTarget {
  statement: string;
  relation: ResponseRelation;
}

/** The date a dated statement said at the latest: the last day of its period (a MONTH date covers the month). */
function latestDay(s: DatedStatement): string | null {
  if (!s.saidOn) return null;
  if (s.datePrecision === "YEAR") return `${s.saidOn.slice(0, 4)}-12-31`;
  if (s.datePrecision === "MONTH") return `${s.saidOn.slice(0, 7)}-31`;
  return s.saidOn;
}

/**
 * What is wrong with one response of `from` (undefined when it holds): a statement cannot respond to itself, nor to
 * the same statement twice, nor to one said after it (when both dates are known; a MONTH or YEAR date may be any day
 * of its period). `target` is the statement responded to when its date is known here.
 */
export function responseProblem(
  from: DatedStatement,
  response: ResponseTarget,
  earlier: readonly ResponseTarget[],
  target?: DatedStatement,
): string | undefined {
  if (response.statement === from.id) return `a statement cannot respond to itself`;
  const twice = earlier.find((r) => r.statement === response.statement);
  if (twice)
    return `${response.statement} is already answered here (${twice.relation}); give one relation per statement`;
  const said = latestDay(from);
  if (target?.saidOn && from.saidOn && said! < target.saidOn) {
    return `${from.id} (said ${from.saidOn}) cannot respond to ${response.statement}, said later (${target.saidOn})`;
  }
  return undefined;
}

/** Every problem of a statement's responses, by index in its list. */
export function responsesProblems(
  from: DatedStatement,
  responses: readonly ResponseTarget[],
  targetOf: (id: string) => DatedStatement | undefined,
): { index: number; problem: string }[] {
  return responses.flatMap((response, index) => {
    const problem = responseProblem(from, response, responses.slice(0, index), targetOf(response.statement));
    return problem ? [{ index, problem }] : [];
  });
}
