// Events' dates compared at their precision: a date stands for its whole day, month or year, so 2025-05-16 (DAY)
// may be the event dated 2025-05 (MONTH), while two different days, or a day outside the month, are two events.
import type { Evidence, Precision } from "./types";
import { CONTEXT } from "./weights";

interface PreciseDate {
  date: string;
  precision: Precision;
}

// The ISO date's prefix that a date of this precision fixes: the day, the month or the year.
const LENGTH: Record<Precision, number> = { DAY: 10, MONTH: 7, YEAR: 4 };

/** 2025-05-16 (DAY), 2025-05 (MONTH), 2025 (YEAR). */
export const describeDate = ({ date, precision }: PreciseDate): string =>
  `${date.slice(0, LENGTH[precision])} (${precision})`;

/** Whether `inner` lies within `outer`'s period: it is at least as precise and starts with outer's prefix. */
function within(inner: PreciseDate, outer: PreciseDate): boolean {
  const length = LENGTH[outer.precision];
  return LENGTH[inner.precision] >= length && inner.date.slice(0, length) === outer.date.slice(0, length);
}

export function compareDates(a: PreciseDate | null | undefined, b: PreciseDate | null | undefined): Evidence {
  if (!a || !b) return { score: 0, reasons: [], contradiction: null };
  if (a.precision === b.precision && within(a, b)) {
    const score = a.precision === "DAY" ? CONTEXT.sameDay : CONTEXT.dateWithin;
    return { score, reasons: [`same date ${describeDate(a)}`], contradiction: null };
  }
  const [inner, outer] = within(a, b) ? [a, b] : within(b, a) ? [b, a] : [null, null];
  if (inner && outer) {
    const reason = `date ${describeDate(inner)} lies within ${describeDate(outer)}`;
    return { score: CONTEXT.dateWithin, reasons: [reason], contradiction: null };
  }
  return { score: 0, reasons: [], contradiction: `different dates: ${describeDate(a)} vs ${describeDate(b)}` };
}
