// Dates as the explorer says them: as precise as they are known ("2 June 2025", "June 2025", "2025"), "undated" when
// there is none.
import type { DatePrecision } from "../generated/graphql";

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A date as precise as it is known: "2 June 2025", "June 2025" or "2025"; "undated" without one. */
export function formatDate(date: string | null, precision: DatePrecision | null): string {
  if (!date) return "undated";
  const [year, month, day] = date.split("-");
  const monthName = MONTHS[Number(month) - 1] ?? month;
  if (precision === "YEAR") return `${year}`;
  if (precision === "MONTH") return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A day with its weekday, whatever the browser's locale: "Tuesday 10 June 2025"; "" for what is no day. */
export function formatDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return "";
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return `${WEEKDAYS[day.getUTCDay()]} ${formatDate(date, "DAY")}`;
}

/** A date for a <time datetime> attribute, to its precision: "2025-06-02", "2025-06" or "2025". */
export function datetimeOf(date: string, precision: DatePrecision | null): string {
  if (precision === "YEAR") return date.slice(0, 4);
  if (precision === "MONTH") return date.slice(0, 7);
  return date;
}

/** How precisely a date is known, as the pages say it beside a date. */
export const PRECISION_WORDS: Record<DatePrecision, string> = {
  DAY: "to the day",
  MONTH: "to the month",
  YEAR: "to the year",
};
