// Provenance: an evidence span must lie inside its source's text, and a direct quotation's words inside its span.
// The loader checks a dataset's spans with it, the mutations a curator's, and so will every other write path.

export type StatementKind = "DIRECT_QUOTE" | "REPORTED";

export interface Span {
  start: number;
  end: number;
}

/**
 * What is wrong with one evidence span; undefined when it holds. A source with an id is named in the message (a
 * statement may have spans in several); a dataset has one source, "the source text".
 */
export function spanProblem(
  kind: StatementKind,
  quote: string,
  source: { id?: string; text: string },
  span: Span,
): string | undefined {
  const { start, end } = span;
  const { text } = source;
  if (start < 0) return `start ${start} must not be negative`;
  if (end <= start) return `end ${end} must be greater than start ${start}`;
  if (end > text.length) {
    const of = source.id ? `the text of ${source.id}` : "the source text";
    return `span ${start}-${end} is outside ${of} (${text.length} characters)`;
  }
  const reads = text.slice(start, end);
  if (kind === "DIRECT_QUOTE" && !quotePieces(quote).some((piece) => reads.includes(piece))) {
    const where = `the span ${start}-${end}${source.id ? ` of ${source.id}` : ""}`;
    return `the quoted words ${JSON.stringify(quote)} are not inside ${where}, which reads ${JSON.stringify(reads)}`;
  }
  return undefined;
}

/** The separator of a quotation's pieces when its attribution interrupts it: `"X," he said. "Y."` → "X, … Y." */
export const QUOTE_GAP = " … ";

/** The pieces of a direct quotation's words: one, or several joined by QUOTE_GAP. */
export function quotePieces(quote: string): string[] {
  return quote.split(QUOTE_GAP).filter((piece) => piece.length > 0);
}

/**
 * What is wrong with a direct quotation's spans taken together (`reads`: the text of each): each of its pieces must
 * be read in one of them.
 * (Each span on its own must hold one piece at least: spanProblem.)
 */
export function quotePiecesProblem(kind: StatementKind, quote: string, reads: readonly string[]): string | undefined {
  if (kind !== "DIRECT_QUOTE") return undefined;
  const missing = quotePieces(quote).filter((piece) => !reads.some((r) => r.includes(piece)));
  if (missing.length === 0) return undefined;
  return `the quoted words ${missing.map((m) => JSON.stringify(m)).join(", ")} are in none of the evidence spans`;
}
