// Source.text(start, end): which piece of a source text a query asks for, checked; at most MAX_TEXT_PIECE characters
// a call, so no answer (and no read in Neo4j) grows with the size of an article.
import type { TextPiece } from "../../graph/reads/sourceText";
import { badInput } from "../errors";

export const MAX_TEXT_PIECE = 100_000;

export interface TextPieceArgs {
  start?: number | null;
  end?: number | null;
}

/** The piece of source `id` that these arguments ask for; without end, up to MAX_TEXT_PIECE characters from start. */
export function textPiece(id: string, args: TextPieceArgs): TextPiece {
  const start = args.start ?? 0;
  if (!Number.isInteger(start) || start < 0) throw badInput(`start must be 0 or more, got ${start}`, "start");
  if (args.end == null) return { id, start, length: MAX_TEXT_PIECE };
  if (!Number.isInteger(args.end) || args.end < start)
    throw badInput(`end (${args.end}) must not be before start (${start})`, "end");
  const length = args.end - start;
  if (length > MAX_TEXT_PIECE) {
    throw badInput(
      `text(start: ${start}, end: ${args.end}) asks for ${length} characters; ` +
        `at most ${MAX_TEXT_PIECE} are returned a call: read long texts in pieces`,
      "end",
    );
  }
  return { id, start, length };
}

/** How many characters a text(start, end) selection can return, for the cost estimate. */
export function textPieceSize(args: TextPieceArgs): number {
  const start = typeof args.start === "number" ? args.start : 0;
  if (typeof args.end !== "number") return MAX_TEXT_PIECE;
  return Math.min(MAX_TEXT_PIECE, Math.max(0, args.end - start));
}
