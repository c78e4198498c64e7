// Rules for dates: a precision and the date written for it, an event's date and start time, and a statement
// said no later than the sources that report it were published. Dates are ISO strings (they sort as they read).
import type { FieldProblem } from "./errors";

export type Precision = "DAY" | "MONTH" | "YEAR";

/** A MONTH or YEAR date is written as the first day of its period, so that ranges and sorting stay simple. */
export function precisionProblem(
  date: string | null | undefined,
  precision: string | null | undefined,
): string | undefined {
  if (!date) return undefined;
  if (precision === "MONTH" && !date.endsWith("-01")) {
    return `${date} has MONTH precision and must be the first day of the month (${date.slice(0, 8)}01)`;
  }
  if (precision === "YEAR" && !date.endsWith("-01-01")) {
    return `${date} has YEAR precision and must be January 1st (${date.slice(0, 5)}01-01)`;
  }
  return undefined;
}

/**
 * The precision after a change of a date and its precision (undefined: not given, null: cleared): the given one;
 * none when the date is cleared without one given (a precision of no date means nothing); else the stored one.
 */
export function changedPrecision(
  precision: Precision | null | undefined,
  date: string | null | undefined,
  stored: Precision | null,
): Precision | null {
  if (precision !== undefined) return precision;
  return date === null ? null : stored;
}

/** A precision is the precision of a date: none without one. `dateName` says which ("saidOn", "a date"). */
export function precisionWithoutDateProblem(
  date: string | null | undefined,
  precision: string | null | undefined,
  dateName: string,
): string | undefined {
  return precision && !date ? `given without ${dateName}` : undefined;
}

interface EventDates {
  date?: string | null;
  datePrecision?: string | null;
  startsAt?: string | null;
}

/** An event's date needs a precision and agrees with it; a start time is on that date. */
export function eventDateProblems(event: EventDates): FieldProblem<"date" | "datePrecision" | "startsAt">[] {
  const { date, datePrecision, startsAt } = event;
  const problems: FieldProblem<"date" | "datePrecision" | "startsAt">[] = [];
  const dateProblem = precisionProblem(date, datePrecision);
  if (dateProblem) problems.push({ field: "date", problem: dateProblem });
  if (date && !datePrecision) {
    problems.push({ field: "datePrecision", problem: "required when date is given (DAY, MONTH or YEAR)" });
  }
  if (startsAt && date && !startsAt.startsWith(date)) {
    problems.push({ field: "startsAt", problem: `${startsAt} is not on the event's date ${date}` });
  }
  return problems;
}

interface StatementDates {
  saidOn?: string | null;
  datePrecision?: string | null;
}

/** A statement's precision needs its date (saidOn) and agrees with it. */
export function statementDateProblems(statement: StatementDates): FieldProblem<"saidOn" | "datePrecision">[] {
  const { saidOn, datePrecision } = statement;
  const problems: FieldProblem<"saidOn" | "datePrecision">[] = [];
  const undated = precisionWithoutDateProblem(saidOn, datePrecision, "saidOn");
  if (undated) problems.push({ field: "datePrecision", problem: undated });
  const dateProblem = precisionProblem(saidOn, datePrecision);
  if (dateProblem) problems.push({ field: "saidOn", problem: dateProblem });
  return problems;
}

/** Nothing is reported before it was said: a statement's date is not after a source reporting it was published. */
export function saidAfterPublished(saidOn: string | null | undefined, publishedOn: string): boolean {
  return !!saidOn && saidOn > publishedOn;
}

/** The same rule as a problem of saidOn; a source with an id is named (a statement may be in several). */
export function saidAfterPublishedProblem(
  saidOn: string | null | undefined,
  source: { id?: string; publishedOn: string },
): string | undefined {
  if (!saidAfterPublished(saidOn, source.publishedOn)) return undefined;
  return `${saidOn} is after ${source.id ?? "the source"} was published (${source.publishedOn})`;
}
