// The entities of the graph a bulk import builds, held in memory as the loader leaves them in Neo4j after each file:
// nodes with every source's claims and the values chosen from them (src/domain/nodeValues.ts, as materialise does),
// their name keys, alias ids and links. Resolution asks it what the loader asks Neo4j (knownIds, findCandidates, as
// src/graph/reads/resolutionReads.ts answers them), so that the same files resolve alike on both paths.
import type { ClaimWrite } from "../graph/writes/claims";
import type { LinkWrite } from "../graph/writes/datasetWrites";
import type { RelationshipType } from "../domain/relationships";
import { MAX_CANDIDATES, withoutRepeats } from "../graph/reads/resolutionReads";
import { entityValues, type EntityValues } from "../domain/nodeValues";
import { lookupKeys, type EntityProfile, type ResolvableLabel } from "../domain/resolution";
import type { ResolutionReads } from "../load/resolutionReads";

export interface SourceRef {
  id: string;
  publishedOn: string;
}

export interface EntityClaim {
  source: SourceRef;
  /** The CLAIMED_IN relationship's properties (null: not set). */
  props: Omit<ClaimWrite, "target">;
}

export interface EntityLink {
  type: RelationshipType;
  from: EntityNode;
  to: EntityNode;
  /** The source that states it. */
  source: string;
  props: Record<string, unknown>;
}

export interface EntityNode {
  /** Stable while ids change (a node takes the id of its earliest source). */
  readonly handle: number;
  readonly label: ResolvableLabel;
  id: string;
  claims: EntityClaim[];
  /** What the node shows, chosen from its claims after each file. */
  values: EntityValues | null;
  aliasIds: Set<string>;
  keys: string[];
  out: EntityLink[];
  in: EntityLink[];
}

export class AliasOfTwoNodes extends Error {}

export class EntityGraph {
  readonly nodes: EntityNode[] = [];
  readonly links: EntityLink[] = [];
  private readonly byId = new Map<string, EntityNode>();
  private readonly byAlias = new Map<string, EntityNode>();
  private readonly byKey = new Map<string, EntityNode[]>();

  /** The node with this id or alias id. */
  nodeOf(id: string): EntityNode | undefined {
    return this.byId.get(id) ?? this.byAlias.get(id);
  }

  /** Every id and alias id → the handle of the node it names (nodeOf as a map, for the conversion's threads). */
  handles(): Map<string, number> {
    const handles = new Map<string, number>();
    for (const [id, node] of this.byAlias) handles.set(id, node.handle);
    for (const [id, node] of this.byId) handles.set(id, node.handle);
    return handles;
  }

  /** Entity resolution's reads (statements are not here: see StatementReplay). */
  reads(): ResolutionReads {
    return {
      knownIds: (ids) => Promise.resolve(this.knownIds(ids)),
      findCandidates: (label, profiles) => Promise.resolve(this.findCandidates(label, profiles)),
      sameQuotations: () => Promise.reject(new Error("the entity graph holds no statements")),
    };
  }

  knownIds(ids: string[]): Map<string, string> {
    const known = new Map<string, string>();
    for (const id of ids) {
      const node = this.nodeOf(id);
      if (node) known.set(id, node.id);
    }
    return known;
  }

  /** As findCandidates in src/graph/reads/resolutionReads.ts: by name keys, and for events also at the same venue. */
  findCandidates(label: ResolvableLabel, profiles: EntityProfile[]): Map<string, EntityProfile[]> {
    const found = new Map<string, EntityProfile[]>();
    for (const incoming of profiles) {
      const byKeys = firstDistinct(
        this.namedBy(lookupKeys(label, incoming.names)),
        (n) => n.label === label && n.id !== incoming.id,
      );
      const atVenues =
        label === "Event"
          ? firstDistinct(this.heldAt(incoming.venues ?? []), (n) => n.label === "Event" && n.id !== incoming.id)
          : [];
      const candidates = [...byKeys, ...atVenues.filter((n) => !byKeys.includes(n))];
      found.set(
        incoming.id,
        candidates.map((n) => this.profile(n)),
      );
    }
    return found;
  }

  private *namedBy(keys: string[]): Generator<EntityNode> {
    for (const key of keys) yield* this.byKey.get(key) ?? [];
  }

  private *heldAt(venues: string[]): Generator<EntityNode> {
    for (const venue of venues) {
      const v = this.byId.get(venue);
      if (v?.label === "Venue") for (const link of v.in) if (link.type === "HELD_AT") yield link.from;
    }
  }

  /**
   * Writes what one source says about entities, as the loader's writeClaims, linkEntities and materialise do: a claim
   * per entity (a node created for a new one), the links it states (ids already resolved to node ids), then the
   * values of every node it touched, chosen again from all their claims.
   */
  write(
    source: SourceRef,
    claims: ReadonlyMap<ResolvableLabel, ClaimWrite[]>,
    links: ReadonlyMap<RelationshipType, LinkWrite[]>,
  ): void {
    const touched = new Set<EntityNode>();
    for (const [label, rows] of claims) {
      for (const { target, ...props } of rows) {
        const node = this.byId.get(target) ?? this.create(label, target);
        node.claims.push({ source, props });
        touched.add(node);
      }
    }
    for (const [type, rows] of links) {
      for (const row of rows) {
        const from = this.byId.get(row.from);
        const to = this.byId.get(row.to);
        if (!from || !to) continue;
        const link: EntityLink = { type, from, to, source: source.id, props: row.props };
        this.links.push(link);
        from.out.push(link);
        to.in.push(link);
      }
    }
    for (const node of touched) this.materialise(node);
  }

  private create(label: ResolvableLabel, id: string): EntityNode {
    const node: EntityNode = {
      handle: this.nodes.length,
      label,
      id,
      claims: [],
      values: null,
      aliasIds: new Set(),
      keys: [],
      out: [],
      in: [],
    };
    this.nodes.push(node);
    this.byId.set(id, node);
    return node;
  }

  private materialise(node: EntityNode): void {
    const values = entityValues({
      id: node.id,
      label: node.label,
      curatedFields: [],
      current: {},
      currentAliases: [],
      claims: node.claims.map(({ source, props }) => ({
        ...props,
        sourceId: source.id,
        publishedOn: source.publishedOn,
      })),
    });
    if (!values) return;
    node.values = values;
    if (values.newId !== node.id) {
      this.byId.delete(node.id);
      node.id = values.newId;
      this.byId.set(node.id, node);
    }
    // The id it goes by is no alias any more (as ID_AND_ALIASES deletes the IdAlias it takes).
    node.aliasIds.delete(node.id);
    this.byAlias.delete(node.id);
    for (const alias of values.aliasIds) {
      const other = this.byAlias.get(alias);
      if (other && other !== node) {
        // The loader would leave one alias id on two nodes; a bulk import cannot write that (nor should it).
        throw new AliasOfTwoNodes(`${alias} would be an alias id of both ${other.id} and ${node.id}`);
      }
      node.aliasIds.add(alias);
      this.byAlias.set(alias, node);
    }
    for (const key of node.keys) {
      if (values.keys.includes(key)) continue;
      const named = this.byKey.get(key)!.filter((n) => n !== node);
      if (named.length > 0) this.byKey.set(key, named);
      else this.byKey.delete(key);
    }
    for (const key of values.keys) {
      if (node.keys.includes(key)) continue;
      const named = this.byKey.get(key);
      if (named) named.push(node);
      else this.byKey.set(key, [node]);
    }
    node.keys = values.keys;
  }

  /** Every key and the nodes it names, for the NameKey nodes. */
  nameKeys(): ReadonlyMap<string, readonly EntityNode[]> {
    return this.byKey;
  }

  /** A node's profile as PROFILE in src/graph/reads/resolutionReads.ts reads it. */
  private profile(node: EntityNode): EntityProfile {
    const values = node.values!;
    const out = (types: RelationshipType[], label: ResolvableLabel) =>
      node.out.filter((l) => types.includes(l.type) && l.to.label === label);
    return withoutRepeats({
      id: node.id,
      label: node.label,
      names: [values.name, ...values.aliases],
      isoCode: values.props.isoCode ?? null,
      kind: values.props.kind ?? null,
      states: out(["HOLDS_OFFICE", "IN_STATE", "PART_OF"], "State").map((l) => l.to.id),
      offices: out(["HOLDS_OFFICE"], "State").map((l) => ({ state: l.to.id, title: String(l.props.title) })),
      organizations: out(["MEMBER_OF"], "Organization").map((l) => l.to.id),
      locatedIn: out(["LOCATED_IN"], "Venue").map((l) => l.to.id),
      venues: out(["HELD_AT"], "Venue").map((l) => l.to.id),
      participants: node.in.filter((l) => l.type === "PARTICIPATED_IN").map((l) => l.from.id),
      date: values.date
        ? { date: values.date, precision: values.props.datePrecision as "DAY" | "MONTH" | "YEAR" }
        : null,
    });
  }
}

/** The first MAX_CANDIDATES distinct nodes that pass (LIMIT after DISTINCT, as the Cypher does). */
function firstDistinct(nodes: Iterable<EntityNode>, passes: (n: EntityNode) => boolean): EntityNode[] {
  const picked: EntityNode[] = [];
  for (const n of nodes) {
    if (picked.length === MAX_CANDIDATES) break;
    if (passes(n) && !picked.includes(n)) picked.push(n);
  }
  return picked;
}
