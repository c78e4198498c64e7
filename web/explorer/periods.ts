// Statement counts over time for the panel's chart: the API's counts by day rolled up into months or years, the unit
// that suits the span they cover, and the periods in between filled with zeros so that the bars keep time.
import { MONTHS } from "./dates";

/** The API's PeriodUnit: the chart asks for days and rolls them up itself. */
export type PeriodUnit = "DAY" | "MONTH" | "YEAR";

export interface PeriodCount {
  period: string;
  count: number;
}

/** A period's text is as long as its unit: 2025, 2025-06, 2025-06-02. */
const LENGTH: Record<PeriodUnit, number> = { YEAR: 4, MONTH: 7, DAY: 10 };

export const UNITS: PeriodUnit[] = ["DAY", "MONTH", "YEAR"];

/** Filling in the empty periods stops here: a decade of days is drawn as the days that have statements. */
const MAX_FILLED = 120;

export function precisionOf(period: string): PeriodUnit {
  return period.length >= LENGTH.DAY ? "DAY" : period.length >= LENGTH.MONTH ? "MONTH" : "YEAR";
}

/** Whether a period is coarser than the unit: a date known only to the month, under DAY. */
export function isCoarse(period: string, unit: PeriodUnit): boolean {
  return period.length < LENGTH[unit];
}

/**
 * Counts by day, as `byPeriod(unit: DAY)` gives them, rolled up into a unit. A date known only to the month or year
 * keeps its own period under DAY (2025-06), so the roll-up is exact: what the API counts under that unit.
 */
export function rollUp(byDay: PeriodCount[], unit: PeriodUnit): PeriodCount[] {
  const counts = new Map<string, number>();
  for (const { period, count } of byDay) {
    const key = period.slice(0, LENGTH[unit]);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return [...counts].map(([period, count]) => ({ period, count })).sort((a, b) => compare(a.period, b.period));
}

/** Date order, a coarser period before the finer ones inside it: 2025 < 2025-06 < 2025-06-01 < 2025-07. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstDay(period: string): Date {
  const [year, month = "01", day = "01"] = period.split("-");
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

function lastDay(period: string): Date {
  const [year, month, day] = period.split("-");
  if (day) return firstDay(period);
  if (month) return new Date(Date.UTC(Number(year), Number(month), 0));
  return new Date(Date.UTC(Number(year), 11, 31));
}

const DAY_MS = 86_400_000;

/**
 * The unit that shows the periods in a readable number of bars: days when they span up to two months, months up to
 * three years, years beyond; never finer than the most precise date among them.
 */
export function chooseUnit(periods: string[]): PeriodUnit {
  if (periods.length === 0) return "MONTH";
  const sorted = [...periods].sort(compare);
  const from = firstDay(sorted[0]!).getTime();
  const to = Math.max(...sorted.map((period) => lastDay(period).getTime()));
  const days = (to - from) / DAY_MS + 1;
  const bySpan: PeriodUnit = days <= 62 ? "DAY" : days <= 3 * 366 ? "MONTH" : "YEAR";
  const finest = UNITS.find((unit) => periods.some((period) => precisionOf(period) === unit)) ?? "YEAR";
  return UNITS.indexOf(bySpan) > UNITS.indexOf(finest) ? bySpan : finest;
}

/** The period after this one, in its own unit. */
function next(period: string): string {
  const date = firstDay(period);
  if (period.length === LENGTH.DAY) date.setUTCDate(date.getUTCDate() + 1);
  else if (period.length === LENGTH.MONTH) date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, period.length);
}

export interface PeriodBars {
  unit: PeriodUnit;
  /** The bars' periods in date order, a coarser one before the finer ones inside it. */
  periods: string[];
  /** For each series, its count in each period. */
  counts: number[][];
}

/**
 * Several series' counts by day as bars of one unit: every period from the first to the last, empty ones at zero
 * (unless that makes more than MAX_FILLED bars), and the coarser periods where they begin.
 */
export function periodBars(series: PeriodCount[][], unit: PeriodUnit): PeriodBars {
  const rolled = series.map((counts) => new Map(rollUp(counts, unit).map((c) => [c.period, c.count])));
  const present = new Set(rolled.flatMap((counts) => [...counts.keys()]));
  const fine = [...present].filter((period) => !isCoarse(period, unit)).sort(compare);
  const periods = new Set(present);
  if (fine.length > 1) {
    const filled: string[] = [];
    for (let p = fine[0]!; p <= fine[fine.length - 1]! && filled.length <= MAX_FILLED; p = next(p)) filled.push(p);
    if (filled.length <= MAX_FILLED) for (const period of filled) periods.add(period);
  }
  const ordered = [...periods].sort(compare);
  return { unit, periods: ordered, counts: rolled.map((counts) => ordered.map((period) => counts.get(period) ?? 0)) };
}

const KNOWN: Record<PeriodUnit, string> = { DAY: "day", MONTH: "month", YEAR: "year" };

/**
 * A period as the chart's axis says it (short: "2 Jun", "Jun 2025", "2025") and as its text alternative says it
 * ("2 June 2025"; "June 2025 (only the month known)" for a coarser period under a finer unit).
 */
export function periodLabel(period: string, unit: PeriodUnit): { tick: string; text: string } {
  const [year = "", month, day] = period.split("-");
  const monthName = month ? (MONTHS[Number(month) - 1] ?? month) : "";
  let tick: string;
  let text: string;
  if (day) {
    tick = `${Number(day)} ${monthName.slice(0, 3)}`;
    text = `${Number(day)} ${monthName} ${year}`;
  } else if (month) {
    tick = `${monthName.slice(0, 3)} ${year}`;
    text = `${monthName} ${year}`;
  } else {
    tick = year;
    text = year;
  }
  if (isCoarse(period, unit)) text += ` (only the ${KNOWN[precisionOf(period)]} known)`;
  return { tick, text };
}
