// Pieces of source texts. A text can be megabytes, so it is read only here, cut to the piece asked for inside Neo4j,
// and never projected whole into a result.
import type { Database } from "../runtime/database";
import type { BuiltQuery } from "./statements";

export interface TextPiece {
  id: string;
  start: number;
  /** Characters (UTF-16 code units) from start; the piece is shorter where the text ends. */
  length: number;
}

export interface SourceTextRow {
  text: string;
  /** Length of the whole text. */
  textLength: number;
}

/** One query for many pieces: each is cut inside Neo4j, and its position in the list comes back with it. */
export function buildSourceTextQuery(pieces: readonly TextPiece[]): BuiltQuery {
  const piece = "CASE WHEN piece.start >= size(text) THEN '' ELSE substring(text, piece.start, piece.length) END";
  return {
    cypher: `UNWIND range(0, size($pieces) - 1) AS index
     WITH index, $pieces[index] AS piece
     MATCH (s:Source {id: piece.id})
     WITH index, piece, s.text AS text
     RETURN index, ${piece} AS text,
            size(text) AS textLength`,
    params: { pieces },
  };
}

/** The pieces in the same order; null for a source that does not exist. */
export async function sourceTextPieces(db: Database, pieces: readonly TextPiece[]): Promise<(SourceTextRow | null)[]> {
  const { cypher, params } = buildSourceTextQuery(pieces);
  const rows = await db.read<{ index: number } & SourceTextRow>(cypher, params);
  const found = new Map(rows.map((r) => [r.index, { text: r.text, textLength: r.textLength }]));
  return pieces.map((_p, i) => found.get(i) ?? null);
}
