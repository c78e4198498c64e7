// The keys under which a statement of one file may meet one of an earlier file, as statement resolution joins them
// (resolveStatements): its id (the same id again, or a sameAs), and for a direct quotation its words by its speaker
// on a date compatible with the other's (datesCompatible: a day lies within a month or a year; an undated statement
// meets any). A statement looks for its "sought" keys among the "own" keys of earlier statements; when two
// statements share no key, resolution can never join them. Pure.
import type { StatementWrite } from "../graph/writes/datasetWrites";

type Row = Pick<StatementWrite, "claimId" | "quoteHash" | "speaker" | "saidOn" | "datePrecision">;

export const idKey = (id: string) => `i ${id}`;

/** What a quotation key says before its speaker: the words and the dates (the speaker comes last: keyHashes.ts). */
export const quotationStart = (quoteHash: string, dates: string) => `q ${quoteHash} ${dates} `;

/** A quotation's words by a speaker, on the dates a key names ("any" stands for every date). */
export const quotationKey = (quoteHash: string, speaker: string, dates: string) =>
  quotationStart(quoteHash, dates) + speaker;

/** The date keys a statement is found under, and those it looks for: they meet exactly when dates are compatible. */
function dateKeys(saidOn: string | null, precision: string | null): { own: string[]; sought: string[] } {
  if (!saidOn) return { own: ["undated", "any"], sought: ["any"] };
  const [year, month] = [saidOn.slice(0, 4), saidOn.slice(0, 7)];
  switch (precision ?? "DAY") {
    case "YEAR":
      return { own: [`year ${year}`, "any"], sought: [`in-year ${year}`, `year ${year}`, "undated"] };
    case "MONTH":
      return {
        own: [`month ${month}`, `in-year ${year}`, "any"],
        sought: [`in-month ${month}`, `month ${month}`, `year ${year}`, "undated"],
      };
    default:
      return {
        own: [`day ${saidOn}`, `in-month ${month}`, `in-year ${year}`, "any"],
        sought: [`day ${saidOn}`, `month ${month}`, `year ${year}`, "undated"],
      };
  }
}

type Dated = Pick<Row, "quoteHash" | "saidOn" | "datePrecision">;

/** The starts of the quotation keys a later statement may find this one under (none for a reported statement). */
export function ownQuotationStarts(row: Dated): string[] {
  const { quoteHash } = row;
  return quoteHash ? dateKeys(row.saidOn, row.datePrecision).own.map((dates) => quotationStart(quoteHash, dates)) : [];
}

/** The starts of the quotation keys this statement looks for among earlier ones. */
export function soughtQuotationStarts(row: Dated): string[] {
  const { quoteHash } = row;
  return quoteHash
    ? dateKeys(row.saidOn, row.datePrecision).sought.map((dates) => quotationStart(quoteHash, dates))
    : [];
}

/** The keys a later statement may find this one under. */
export function ownKeys(row: Row): string[] {
  return [idKey(row.claimId), ...ownQuotationStarts(row).map((start) => start + row.speaker)];
}

/** The keys this statement looks for among earlier ones (its id, its sameAs, its words on compatible dates). */
export function soughtKeys(row: Row, sameAs?: string): string[] {
  return [
    idKey(row.claimId),
    ...(sameAs ? [idKey(sameAs)] : []),
    ...soughtQuotationStarts(row).map((start) => start + row.speaker),
  ];
}

/** Keys a statement node is found under once its words or speakers are others (quotations only, on any date). */
export const anyDateKeys = (quoteHash: string, speakers: readonly string[]) =>
  speakers.map((speaker) => quotationKey(quoteHash, speaker, "any"));
