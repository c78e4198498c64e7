// Curator edits of sources (the articles statements are reported in). A change to a source's text or date must
// still hold every statement reported in it; deleting one removes what it alone stated, as a reload would.
import { saidAfterPublished } from "../../../domain/dates";
import { InvalidInputError } from "../../../domain/errors";
import { spanProblem, type StatementKind } from "../../../domain/spans";
import type { Database, Transaction } from "../../runtime/database";
import { ChangeSet, type Actor } from "../changes/changeLog";
import { sourceFootprint } from "../changes/nodeStates";
import { settle, withdrawSource } from "../sourceWithdrawal";
import { sourceMap } from "../../projections";
import type { SourceRow } from "../../rows";
import { createNode, creating, newId } from "./creating";
import type { SourceChanges } from "./inputs";
import { notFound } from "./references";
import { setProperties } from "./writeHelpers";

export async function createSource(db: Database, input: SourceChanges, actor: Actor = null): Promise<SourceRow> {
  return creating(db, async (tx) => {
    const id = await newId(tx, "Source", input.id, input.title ?? "");
    const changes = await ChangeSet.start(tx, []);
    await createNode(tx, "Source", id);
    await setProperties(tx, id, sourceProps(input, true), { publishedOn: input.publishedOn ?? null });
    const written = (await readSource(tx, id))!;
    await changes.finish(tx, [id], { actor, source: id });
    return written;
  });
}

/** A new text or publication date must still hold every statement reported in the source. */
export async function updateSource(
  db: Database,
  id: string,
  input: SourceChanges,
  actor: Actor = null,
): Promise<SourceRow> {
  return db.writeTransaction(async (tx) => {
    const current = await readSource(tx, id);
    if (!current) throw notFound("Source", id);
    const changes = await ChangeSet.start(tx, [id]);
    const text = input.text ?? current.text ?? "";
    const publishedOn = input.publishedOn ?? current.publishedOn;
    if (input.text != null || input.publishedOn != null) {
      const reported = await tx.run<{
        id: string;
        kind: StatementKind;
        text: string;
        saidOn: string | null;
        start: number;
        end: number;
      }>(
        `MATCH (s:Statement)-[r:REPORTED_IN]->(:Source {id: $id})
         RETURN s.id AS id, s.kind AS kind, s.text AS text, s.saidOn AS saidOn, r.start AS start, r.end AS end
         ORDER BY id, start`,
        { id },
      );
      for (const s of reported) {
        const problem = spanProblem(s.kind, s.text, { id, text }, s);
        if (problem) {
          const why = `${s.id} is reported in this source and its evidence would no longer hold: ${problem}`;
          throw new InvalidInputError("input.text", why);
        }
        if (saidAfterPublished(s.saidOn, publishedOn)) {
          const why = `${s.id}, reported in this source, was said on ${s.saidOn}, after ${publishedOn}`;
          throw new InvalidInputError("input.publishedOn", why);
        }
      }
    }
    const dated = input.publishedOn != null ? { publishedOn: input.publishedOn } : {};
    await setProperties(tx, id, sourceProps(input, false), dated);
    if (input.text != null) {
      // Excerpts are stored with their spans (reads never load the whole text for them): they follow the new text.
      await tx.run(
        "MATCH (:Source {id: $id})<-[r:REPORTED_IN]-() SET r.excerpt = substring($text, r.start, r.end - r.start)",
        { id, text },
      );
    }
    const written = (await readSource(tx, id))!;
    await changes.finish(tx, [id], { actor, source: id });
    return written;
  });
}

/**
 * Deletes a source as if its dataset had never been loaded: the statements it alone reports, its claims (entities show
 * what the other sources say), its evidence and links; entities stay.
 */
export async function deleteSource(db: Database, id: string, actor: Actor = null): Promise<void> {
  await db.writeTransaction(async (tx) => {
    if (!(await readSource(tx, id))) throw notFound("Source", id);
    // Everything the source touched: its statements go, entities show what the other sources say.
    const changes = await ChangeSet.start(tx, await sourceFootprint(tx, id));
    const withdrawn = await withdrawSource(tx, id);
    await tx.run(
      `MATCH (src:Source {id: $id})
       CALL (src) {
         MATCH (s:Statement)-[:REPORTED_IN]->(src)
         WHERE NOT EXISTS { (s)-[:REPORTED_IN]->(other:Source) WHERE other <> src }
         WITH DISTINCT s
         DETACH DELETE s
       }
       DETACH DELETE src`,
      { id },
    );
    await settle(tx, withdrawn, { entities: [], statements: [] });
    await changes.finish(tx, [], { actor, source: id });
  });
}

/** Source properties as the loader writes them (name mirrors title, for the name index): the given ones. */
function sourceProps(input: SourceChanges, creating: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const field of ["title", "dateline", "publisher", "url", "text"] as const) {
    if (creating || input[field] !== undefined) props[field] = input[field] ?? null;
  }
  if (props.title !== undefined) props.name = props.title;
  return props;
}

async function readSource(tx: Transaction, id: string): Promise<SourceRow | null> {
  const [row] = await tx.run<{ node: SourceRow }>(`MATCH (n:Source {id: $id}) RETURN ${sourceMap("n")} AS node`, {
    id,
  });
  return row?.node ?? null;
}
