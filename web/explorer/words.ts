// What someone said, as the pages show it: a direct quotation in quotation marks (the speaker's own words), a
// reported statement without them and marked as reported (the source's paraphrase, not words the speaker said).
import type { StatementKind } from "../generated/graphql";

export interface Said {
  text: string;
  kind: StatementKind;
}

/** The text cut to `max` characters with an ellipsis. */
function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** A statement's words as a label: “…” around a direct quotation; a reported statement's paraphrase as it is. */
export function statementWords(statement: Said, max = Infinity): string {
  const words = shorten(statement.text, max);
  return statement.kind === "DIRECT_QUOTE" ? `“${words}”` : words;
}

/** A label of 48 characters at most, for the graph and for links between statements. */
export function shortWords(statement: Said): string {
  return statementWords(statement, 48);
}

/**
 * Who said what in one line: `Zelenskyy: “…”` for a direct quotation, `Russia (reported): …` for a reported
 * statement, whose words are not the speaker's.
 */
export function saidLine(speaker: string, statement: Said): string {
  return statement.kind === "DIRECT_QUOTE"
    ? `${speaker}: ${statementWords(statement)}`
    : `${speaker} (reported): ${statementWords(statement)}`;
}

/** How a statement's kind is named beside it. */
export function kindWords(kind: StatementKind): string {
  return kind === "DIRECT_QUOTE" ? "direct quote" : "reported";
}

/** The class of a button that selects a statement: a reported one is set in italics, as a paraphrase. */
export function statementButtonClass(kind: StatementKind): string {
  return kind === "DIRECT_QUOTE" ? "link statement" : "link statement reported";
}
