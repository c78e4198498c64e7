// When a statement was made, from the words around its cue verb, resolved against the day of publication:
// "on Sunday", "late Tuesday", "yesterday" → that day; "last month", "in May" → the month; "last year" → the year.
// A present-tense cue ("says") is the day of publication; a present perfect ("has said") has no date; a date never
// falls after publication (a date in the future is what was said, not when).
import * as chrono from "chrono-node";
import type { Precision } from "../../domain/dates";

export interface SaidOn {
  saidOn: string;
  datePrecision: Precision;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The date expressions of a piece of text, each with its precision, resolved before or on `publishedOn`. */
export function datesIn(text: string, publishedOn: string): (SaidOn & { index: number; length: number })[] {
  const ref = new Date(`${publishedOn}T12:00:00Z`);
  const out: (SaidOn & { index: number; length: number })[] = [];
  for (const r of chrono.parse(text, { instant: ref, timezone: 0 })) {
    const s = r.start;
    let date: Date;
    let datePrecision: Precision;
    if (s.isCertain("day")) {
      date = s.date();
      datePrecision = "DAY";
    } else if (s.isCertain("weekday")) {
      // The latest such weekday on or before publication: wire copy speaks of the past week.
      const weekday = s.get("weekday")!;
      date = new Date(ref);
      while (date.getUTCDay() !== weekday) date.setUTCDate(date.getUTCDate() - 1);
      datePrecision = "DAY";
    } else if (s.isCertain("month")) {
      date = new Date(Date.UTC(s.get("year")!, s.get("month")! - 1, 1, 12));
      datePrecision = "MONTH";
    } else if (s.isCertain("year")) {
      date = new Date(Date.UTC(s.get("year")!, 0, 1, 12));
      datePrecision = "YEAR";
    } else continue;
    if (/\b(?:last|past)\s+year\b/i.test(r.text)) {
      date = new Date(Date.UTC(ref.getUTCFullYear() - 1, 0, 1, 12));
      datePrecision = "YEAR";
    }
    // A day or month without a year ahead of publication: within two months it is the future (what was said, not
    // when); further ahead it is last year's ("on 20 December" in a January report).
    if (!s.isCertain("year") && date > ref) {
      if (date.getTime() - ref.getTime() < 62 * 86_400_000) continue;
      date.setUTCFullYear(date.getUTCFullYear() - 1);
    }
    if (iso(date) > publishedOn) continue;
    const day = iso(date);
    const saidOn =
      datePrecision === "DAY" ? day : datePrecision === "MONTH" ? `${day.slice(0, 7)}-01` : `${day.slice(0, 4)}-01-01`;
    out.push({ saidOn, datePrecision, index: r.index, length: r.text.length });
  }
  // "last year" is not parsed by chrono as a date of its own.
  const lastYear = /\b(?:last|past)\s+year\b/i.exec(text);
  if (lastYear && !out.some((o) => o.index <= lastYear.index && o.index + o.length > lastYear.index)) {
    out.push({
      saidOn: `${Number(publishedOn.slice(0, 4)) - 1}-01-01`,
      datePrecision: "YEAR",
      index: lastYear.index,
      length: lastYear[0].length,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A month-wide date from a day: what a later statement of the same speaker inherits. */
export function widened(date: SaidOn): SaidOn {
  if (date.datePrecision !== "DAY") return date;
  return { saidOn: `${date.saidOn.slice(0, 7)}-01`, datePrecision: "MONTH" };
}
