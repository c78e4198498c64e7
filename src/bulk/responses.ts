// Responses between statements (RESPONDS_TO) in a bulk import, between the nodes the loader writes them to
// (responseRows, writeResponses). A statement a file responds to without defining it must be one of the files before
// it, as the loader finds it in the graph: the first pass looks its id up among those files' ids (the Bloom filter: a
// sure "no" refuses the file) and marks it, so that the second pass follows its statement (StatementReplay) and knows
// its node exactly. A followed node's id may still change in a later file (the earliest source's id wins), so a
// response with a followed end is written after the last file.
import { uniqueResponses, type ResponseWrite } from "../graph/writes/datasetWrites";
import { labelOfId } from "../domain/labels";
import type { Reference } from "../load/checks";
import { unknownReferences } from "../load/resolveDataset";
import { responseRows } from "../load/writeRows";
import type { BloomFilter } from "./bloomFilter";
import { allReferences, type FileResponses } from "./filePasses";
import { writeResponse } from "./graphRows";
import type { ImportFiles } from "./importFiles";
import { idKey } from "./meetingKeys";
import type { StatementNode } from "./statementReplay";

/** A statement's node: its id when no other file meets it (the id is final), or the followed node. */
export type StatementEnd = string | StatementNode;

const idOf = (end: StatementEnd) => (typeof end === "string" ? end : end.id);

/** A dataset's references to ids it does not define: the statements it responds to, and the entities. */
export function splitReferences(external: readonly Reference[]): { statements: Reference[]; entities: Reference[] } {
  const statements: Reference[] = [];
  const entities: Reference[] = [];
  for (const r of external) (labelOfId(r.id) === "Statement" ? statements : entities).push(r);
  return { statements, entities };
}

/**
 * Of the statements responded to, those that the files before may define (as knownIds answers, for
 * unknownReferences): their ids are in `seen`, the Bloom filter of those files' keys. Any other is unknown for sure.
 */
export function mayBeDefinedBefore(responded: readonly Reference[], seen: BloomFilter): Map<string, string> {
  return new Map(responded.filter((r) => seen.mightContain(idKey(r.id))).map((r) => [r.id, r.id]));
}

/** The keys the second pass follows the statements responded to under. */
export const respondedKeys = (responded: readonly Reference[]) => responded.map((r) => idKey(r.id));

export class ResponseWriter {
  private readonly later: { sourceId: string; row: ResponseWrite; from: StatementEnd; to: StatementEnd }[] = [];

  constructor(private readonly out: ImportFiles) {}

  /**
   * One file's responses, after its statements are placed: `own` gives the node of each of its statements (by its
   * id in the file), `earlier` the followed node an id of an earlier file names. Answers the file's problems when it
   * responds to a statement that no earlier file defines (the filter's "maybe" was false): it is refused, as the
   * loader refuses it, naming every place (the file is read again for them).
   */
  write(
    file: string,
    responses: FileResponses,
    own: ReadonlyMap<string, StatementEnd>,
    earlier: (id: string) => StatementNode | undefined,
  ): string[] {
    const unknown = new Set(
      responses.statements
        .flatMap((s) => s.respondsTo.map((r) => r.statement))
        .filter((id) => !own.has(id) && !earlier(id)),
    );
    if (unknown.size > 0) {
      return unknownReferences(
        allReferences(file).filter((r) => unknown.has(r.id)),
        new Map(),
      );
    }
    // Nodes are named by their ids of this moment, unique among the nodes, as the loader's rows name them.
    const ends = new Map<string, StatementEnd>();
    const named = (end: StatementEnd) => {
      ends.set(idOf(end), end);
      return idOf(end);
    };
    const rows = responseRows(
      responses,
      responses.text,
      (id) => named(earlier(id)!),
      (id) => named(own.get(id)!),
    );
    for (const row of uniqueResponses(rows)) {
      const [from, to] = [ends.get(row.from)!, ends.get(row.to)!];
      if (typeof from === "string" && typeof to === "string") writeResponse(this.out, responses.sourceId, row);
      else this.later.push({ sourceId: responses.sourceId, row, from, to });
    }
    return [];
  }

  /** After the last file: the responses with a followed end, under its final id. */
  finish(): void {
    for (const { sourceId, row, from, to } of this.later) {
      writeResponse(this.out, sourceId, { ...row, from: idOf(from), to: idOf(to) });
    }
    this.later.length = 0;
  }
}
