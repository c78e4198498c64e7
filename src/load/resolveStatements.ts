// Which statements of a dataset are already in the graph: the same id or an alias id, the dataset's sameAs, or the
// same quotation (same speaker, same words up to punctuation, case and quotation style, compatible dates) reported by
// another source. Reported (paraphrased) statements merge only through sameAs.
import { datesCompatible } from "../domain/claims";
import { quotationKey } from "../domain/quotations";
import type { Resolution } from "../domain/resolution";
import type { StatementInput } from "./dataset";
import type { ResolutionReads } from "./resolutionReads";

/** What resolution reads of an incoming statement. */
export type StatementToResolve = Pick<
  StatementInput,
  "id" | "sameAs" | "speaker" | "kind" | "saidOn" | "datePrecision"
> & {
  /** Its place among the dataset's statements when the list holds only some of them (problems name it by it). */
  index?: number;
};

export interface StatementResolution {
  /** Incoming statement id → the statement node it is written to (only those already in the graph). */
  remap: Map<string, string>;
  /** Statements merged into one under another id, for the report. */
  merged: Resolution[];
  problems: string[];
}

export async function resolveStatements(
  graph: ResolutionReads,
  /** A dataset's statements, in its order (problems name them by index). */
  statements: readonly StatementToResolve[],
  speakerOf: (id: string) => string,
  /** The quotation key of each direct quotation, by statement id (quotationKeys). */
  quoteHashes: ReadonlyMap<string, string>,
): Promise<StatementResolution> {
  const known = await graph.knownIds([...new Set(statements.flatMap((s) => [s.id, ...(s.sameAs ? [s.sameAs] : [])]))]);
  const remap = new Map<string, string>();
  const merged: Resolution[] = [];
  const problems: string[] = [];
  const merge = (incoming: string, into: string, reason: string) => {
    remap.set(incoming, into);
    if (into !== incoming)
      merged.push({ incoming, decision: "MERGED", into, score: 1, reasons: [reason], candidates: [] });
  };
  const open = [];
  for (const [i, s] of statements.entries()) {
    const node = known.get(s.id);
    if (node) merge(s.id, node, node === s.id ? "already in the graph under this id" : `an alias id of ${node}`);
    else if (s.sameAs && known.has(s.sameAs)) merge(s.id, known.get(s.sameAs)!, `the dataset says sameAs ${s.sameAs}`);
    else if (s.sameAs) problems.push(`statements[${s.index ?? i}] (${s.id}).sameAs: ${s.sameAs} is not in the graph`);
    else if (s.kind === "DIRECT_QUOTE") open.push(s);
  }
  const matches = await graph.sameQuotations(
    open.map((s) => ({ incoming: s.id, speaker: speakerOf(s.speaker), quoteHash: quoteHashes.get(s.id)! })),
  );
  for (const s of open) {
    const said = s.saidOn ? { date: s.saidOn, precision: s.datePrecision ?? "DAY" } : null;
    const match = matches.find((m) => m.incoming === s.id && (!said || m.dates.every((d) => datesCompatible(said, d))));
    if (match) merge(s.id, match.id, `the same quotation by the same speaker as ${match.id}`);
  }
  return { remap, merged, problems };
}

/** Direct quotations are matched by their words; reported statements join others only through sameAs. */
export function quotationKeys(
  statements: readonly Pick<StatementInput, "id" | "kind" | "text">[],
): Map<string, string> {
  return new Map(statements.filter((s) => s.kind === "DIRECT_QUOTE").map((s) => [s.id, quotationKey(s.text)]));
}
