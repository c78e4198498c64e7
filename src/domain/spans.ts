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
  if (kind === "DIRECT_QUOTE" && !reads.includes(quote)) {
    const where = `the span ${start}-${end}${source.id ? ` of ${source.id}` : ""}`;
    return `the quoted words ${JSON.stringify(quote)} are not inside ${where}, which reads ${JSON.stringify(reads)}`;
  }
  return undefined;
}
