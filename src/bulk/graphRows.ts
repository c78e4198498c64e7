// What the loader's Cypher stores (src/graph/writes/datasetWrites.ts, claims.ts), as rows of the importer's CSV files:
// the same labels, properties with the same types, the same relationships. An unset property (null) is left out, as
// SET leaves it out; a list that is empty is left out too (the importer stores no empty list: fillEmptyLists in
// src/graph/writes/importedGraph.ts sets them after the import).
import type { ResponseWrite, SourceWrite } from "../graph/writes/datasetWrites";
import { GRAPH_FORMAT } from "../graph/graphFormat";
import type { EntityGraph, EntityNode } from "./entityGraph";
import { date, datetime, time, type ImportFiles, type Props } from "./importFiles";
import type { StatementNode } from "./statementReplay";

const entity = (id: string) => ({ space: "Entity" as const, id });
const list = <T extends string | number>(items: readonly T[]): T[] | null => (items.length > 0 ? [...items] : null);

/** The version this graph is in (graphFormat.ts), so that start-up finds nothing to upgrade. */
export function writeGraphFormat(files: ImportFiles): void {
  files.node(["GraphFormat"], { version: GRAPH_FORMAT });
}

/** upsertSource */
export function writeSource(files: ImportFiles, source: SourceWrite): void {
  files.node(
    ["Source", "Entity"],
    {
      id: source.id,
      title: source.title,
      name: source.title,
      publishedOn: date(source.publishedOn),
      dateline: source.dateline,
      publisher: source.publisher,
      url: source.url,
      text: source.text,
    },
    { space: "Entity", property: "id" },
  );
}

/** Every entity as materialise leaves it, its claims (writeClaims), links (linkEntities), name keys and alias ids. */
export function writeEntities(files: ImportFiles, graph: EntityGraph): void {
  for (const node of graph.nodes) writeEntity(files, node);
  for (const link of graph.links) {
    files.relationship(link.type, entity(link.from.id), entity(link.to.id), {
      source: link.source,
      ...link.props,
    } as Props);
  }
  for (const [key, nodes] of graph.nameKeys()) {
    files.node(["NameKey"], { key }, { space: "NameKey", property: "key" });
    for (const node of nodes) files.relationship("NAMES", { space: "NameKey", id: key }, entity(node.id));
  }
}

function writeEntity(files: ImportFiles, node: EntityNode): void {
  const v = node.values!;
  files.node(
    [node.label, "Entity"],
    {
      id: node.id,
      name: v.name,
      aliases: list(v.aliases),
      fromSource: v.fromSource,
      spellings: v.spellings,
      aliasText: v.aliases.map((a) => `${a} `).join(""),
      ...v.props,
      date: date(v.date),
      startsAt: datetime(v.startsAt),
    },
    { space: "Entity", property: "id" },
  );
  for (const { source, props } of node.claims) {
    files.relationship("CLAIMED_IN", entity(node.id), entity(source.id), {
      ...props,
      aliases: list(props.aliases),
    } as Props);
  }
  writeAliases(files, node.id, node.aliasIds);
}

function writeAliases(files: ImportFiles, id: string, aliasIds: Iterable<string>): void {
  for (const alias of aliasIds) {
    files.node(["IdAlias"], { id: alias }, { space: "IdAlias", property: "id" });
    files.relationship("ALIAS_OF", { space: "IdAlias", id: alias }, entity(id));
  }
}

/**
 * A statement node with its evidence (REPORTED_IN), claims (CLAIMED_IN, once two sources report it), links and alias
 * ids; `endId` gives the id of the entity a link goes to.
 */
export function writeStatement(files: ImportFiles, node: StatementNode, endId: (end: string) => string): void {
  const v = node.values;
  files.node(
    ["Statement", "Entity"],
    {
      id: node.id,
      text: v.text,
      kind: v.kind,
      saidOn: date(v.saidOn),
      datePrecision: v.datePrecision,
      time: time(v.time),
      channel: v.channel,
      recurring: v.recurring,
      quoteHash: v.quoteHash,
    },
    { space: "Entity", property: "id" },
  );
  const self = entity(node.id);
  for (const { source, row } of node.reports) {
    for (const span of row.evidence) {
      files.relationship("REPORTED_IN", self, entity(source.id), {
        start: span.start,
        end: span.end,
        excerpt: span.excerpt,
        extractionConfidence: row.extraction?.confidence,
        extractionCue: row.extraction?.cue,
      });
    }
  }
  for (const { source, props } of node.claims ?? []) files.relationship("CLAIMED_IN", self, entity(source.id), props);
  for (const l of node.links) {
    const props: Props = { fromSource: l.fromSource, sources: l.sources };
    if (l.type === "SAID") files.relationship("SAID", entity(endId(l.end)), self, props);
    else files.relationship(l.type, self, entity(endId(l.end)), props);
  }
  writeAliases(files, node.id, node.aliasIds);
}

/** writeResponses: a statement's response to another, as one source states it, with the spans that say so. */
export function writeResponse(files: ImportFiles, sourceId: string, row: ResponseWrite): void {
  files.relationship("RESPONDS_TO", entity(row.from), entity(row.to), {
    source: sourceId,
    relation: row.relation,
    starts: list(row.starts),
    ends: list(row.ends),
    excerpts: list(row.excerpts),
  });
}
