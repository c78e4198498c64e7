// Rules for dates with a precision, shared by the dataset checks and the mutations.

/** A MONTH or YEAR date is written as the first day of its period, so that ranges and sorting stay simple. */
export function precisionProblem(date: string | null | undefined, precision: string | null | undefined): string | undefined {
  if (!date) return undefined;
  if (precision === "MONTH" && !date.endsWith("-01")) return `${date} has MONTH precision and must be the first day of the month (${date.slice(0, 8)}01)`;
  if (precision === "YEAR" && !date.endsWith("-01-01")) return `${date} has YEAR precision and must be January 1st (${date.slice(0, 5)}01-01)`;
  return undefined;
}
