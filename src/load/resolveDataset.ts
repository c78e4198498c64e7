// Entity resolution of one dataset against the graph: for each entity it defines, whether it is a node already there
// (same id, an alias id, `sameAs`, or a candidate found by name keys and scored with its context) or a new one.
// Kinds are resolved in the order their context needs: states, organizations (part of a state), venues (in a state,
// a city before its buildings), people (offices, memberships), events (venue, participants).
import { labelOfId } from "../domain/labels";
import type { Reference } from "./checks";
import { resolveExcept, type EntityProfile, type ResolvableLabel, type Resolution } from "../domain/resolution";
import type { DatasetEntities } from "./dataset";
import type { ResolutionReads } from "./resolutionReads";

export interface DatasetResolution {
  /** One decision per entity of the dataset, in the dataset's order of kinds. */
  resolutions: Resolution[];
  /** Incoming id → the graph node it is (merged entities and alias ids; new ones are absent). */
  remap: Map<string, string>;
  /** Drafted id → the free id a new node takes when the drafted one is another node's (also in remap). */
  renamed: Map<string, string>;
  /** Ids the dataset refers to that the graph knows, with their node's id. */
  known: Map<string, string>;
  /** Problems that refuse the dataset (a sameAs naming nothing). */
  problems: string[];
}

type Link = string | { id: string } | undefined;
const linkId = (l: Link) => (typeof l === "string" ? l : l?.id);

interface Incoming {
  label: ResolvableLabel;
  where: string;
  entity: {
    id: string;
    name: string;
    aliases: string[];
    sameAs?: string;
    distinctFrom: string[];
    /** Set on an extractor's draft (npm run ingest, ingestArticle): its id is a slug of its name, not an identity. */
    extraction?: unknown;
  };
  /** Its profile, given a function from dataset ids to graph ids. */
  profile: (to: (id: string) => string) => EntityProfile;
}

export async function resolveDataset(
  graph: ResolutionReads,
  dataset: DatasetEntities,
  referenced: string[],
): Promise<DatasetResolution> {
  const stages = incomingByStage(dataset);
  const everyId = [
    ...stages
      .flat()
      .flatMap((i) => [i.entity.id, ...(i.entity.sameAs ? [i.entity.sameAs] : []), ...i.entity.distinctFrom]),
    ...referenced,
  ];
  const known = await graph.knownIds([...new Set(everyId)]);
  const remap = new Map<string, string>();
  const to = (id: string) => remap.get(id) ?? known.get(id) ?? id;
  const resolutions: Resolution[] = [];
  const problems: string[] = [];
  const taken = new Set(everyId);
  const renamed = new Map<string, string>();

  for (const stage of stages) {
    const open: Incoming[] = [];
    for (const incoming of stage) {
      // A drafted entity's id is the slug of the name it was drafted under: two drafts (or a draft and a node) whose
      // slugs collide are not one node for it; names and context decide, as for an entity of another source.
      const decided = isDrafted(incoming) ? null : decidedByIds(incoming, known);
      if (typeof decided === "string") {
        problems.push(decided);
      } else if (decided) {
        remap.set(incoming.entity.id, decided.into!);
        resolutions.push(decided);
      } else {
        open.push(incoming);
      }
    }
    if (open.length === 0) continue;
    const label = open[0]!.label;
    // A drafted entity is compared with every node, the one under its own id too (which it may well not be).
    const profiles = open.map((i) => (isDrafted(i) ? { ...i.profile(to), id: `draft ${i.entity.id}` } : i.profile(to)));
    const candidates = await graph.findCandidates(label, profiles);
    for (const [i, incoming] of open.entries()) {
      const excluded = new Set(incoming.entity.distinctFrom.map(to));
      const resolution = {
        ...resolveExcept(profiles[i]!, candidates.get(profiles[i]!.id) ?? [], excluded),
        incoming: incoming.entity.id,
      };
      if (resolution.decision === "MERGED" && resolution.into) remap.set(incoming.entity.id, resolution.into);
      else if (known.has(incoming.entity.id)) {
        // Not that node, but under its id: written under the first free id after it.
        const free = await freeId(graph, incoming.entity.id, taken);
        taken.add(free);
        remap.set(incoming.entity.id, free);
        renamed.set(incoming.entity.id, free);
        resolution.reasons.push(`its drafted id ${incoming.entity.id} is another node's: written as ${free}`);
      }
      resolutions.push(resolution);
    }
  }
  return { resolutions, remap, renamed, known, problems };
}

/** The reason of a node met again under its own id. */
export const ALREADY_UNDER_THIS_ID = "already in the graph under this id";

/** An extractor's draft without a sameAs: its id is no identity. */
const isDrafted = (i: Incoming) => i.entity.extraction !== undefined && !i.entity.sameAs;

/** How many numbered ids are asked about at once when a drafted entity needs a free one. */
const FREE_ID_BATCH = 20;

/** The first of `id`-2, `id`-3, … that neither the graph nor the dataset uses. */
async function freeId(graph: ResolutionReads, id: string, taken: ReadonlySet<string>): Promise<string> {
  for (let from = 2; ; from += FREE_ID_BATCH) {
    const tries = Array.from({ length: FREE_ID_BATCH }, (_, i) => `${id}-${from + i}`);
    const known = await graph.knownIds(tries);
    const free = tries.find((t) => !known.has(t) && !taken.has(t));
    if (free) return free;
  }
}

/**
 * The decisions ids make on their own: the dataset's sameAs (it wins: an entity a first load kept apart joins the
 * node named once the dataset says so), or an id the graph knows. A problem when sameAs names nothing usable.
 */
function decidedByIds(incoming: Incoming, known: Map<string, string>): Resolution | string | null {
  const { id, sameAs } = incoming.entity;
  const decided = (into: string, reason: string): Resolution => ({
    incoming: id,
    decision: "MERGED",
    into,
    score: 1,
    reasons: [reason],
    candidates: [],
  });
  if (sameAs) {
    const into = known.get(sameAs);
    if (!into) return `${incoming.where}.sameAs: ${sameAs} is not in the graph`;
    const label = labelOfId(into);
    if (label !== incoming.label) {
      return `${incoming.where}.sameAs: ${sameAs} is a ${label?.toLowerCase()}, not a ${incoming.label.toLowerCase()}`;
    }
    return decided(into, `the dataset says sameAs ${sameAs}`);
  }
  const node = known.get(id);
  if (!node) return null;
  return decided(node, node === id ? ALREADY_UNDER_THIS_ID : `an alias id of ${node} (merged before)`);
}

function incomingByStage(dataset: DatasetEntities): Incoming[][] {
  const names = (e: { name: string; aliases: string[] }) => [e.name, ...e.aliases];
  // Grouped once: a file of the whole world (200,000 people at 10M statements) made a scan per person quadratic.
  const officesBy = groupBy(dataset.offices, (o) => o.person);
  const membershipsBy = groupBy(dataset.memberships, (m) => m.member);
  const officesOf = (person: string, to: (id: string) => string) =>
    (officesBy.get(person) ?? []).map((o) => ({ state: to(o.state), title: o.title }));
  const venueDepth = new Map<string, number>();
  const depth = (id: string, seen = new Set<string>()): number => {
    if (venueDepth.has(id)) return venueDepth.get(id)!;
    const parent = linkId(dataset.venues.find((v) => v.id === id)?.locatedIn);
    const d =
      parent && !seen.has(parent) && dataset.venues.some((v) => v.id === parent) ? depth(parent, seen.add(id)) + 1 : 0;
    venueDepth.set(id, d);
    return d;
  };
  const venues: Incoming[][] = [];
  for (const [i, v] of dataset.venues.entries()) {
    const level = depth(v.id);
    (venues[level] ??= []).push({
      label: "Venue",
      where: `venues[${i}] (${v.id})`,
      entity: v,
      profile: (to) => ({
        id: v.id,
        label: "Venue",
        names: names(v),
        kind: v.kind,
        states: linkId(v.state) ? [to(linkId(v.state)!)] : [],
        locatedIn: linkId(v.locatedIn) ? [to(linkId(v.locatedIn)!)] : [],
      }),
    });
  }
  return [
    dataset.states.map((s, i) => ({
      label: "State" as const,
      where: `states[${i}] (${s.id})`,
      entity: s,
      profile: () => ({ id: s.id, label: "State" as const, names: names(s), isoCode: s.isoCode }),
    })),
    dataset.organizations.map((o, i) => ({
      label: "Organization" as const,
      where: `organizations[${i}] (${o.id})`,
      entity: o,
      profile: (to: (id: string) => string) => ({
        id: o.id,
        label: "Organization" as const,
        names: names(o),
        states: linkId(o.partOf) ? [to(linkId(o.partOf)!)] : [],
      }),
    })),
    ...venues.filter(Boolean),
    dataset.people.map((p, i) => ({
      label: "Person" as const,
      where: `people[${i}] (${p.id})`,
      entity: p,
      profile: (to: (id: string) => string) => ({
        id: p.id,
        label: "Person" as const,
        names: names(p),
        offices: officesOf(p.id, to),
        states: officesOf(p.id, to).map((o) => o.state),
        organizations: (membershipsBy.get(p.id) ?? []).map((m) => to(m.organization)),
      }),
    })),
    dataset.events.map((e, i) => ({
      label: "Event" as const,
      where: `events[${i}] (${e.id})`,
      entity: e,
      profile: (to: (id: string) => string) => ({
        id: e.id,
        label: "Event" as const,
        names: names(e),
        venues: linkId(e.venue) ? [to(linkId(e.venue)!)] : [],
        participants: e.participants.map((p) => to(p.id)),
        date: e.date ? { date: e.date, precision: e.datePrecision ?? "DAY" } : null,
      }),
    })),
  ];
}

/** Items by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The references a dataset makes to ids that are neither its own nor in the graph: each one refuses it. */
export function unknownReferences(external: readonly Reference[], known: ReadonlyMap<string, string>): string[] {
  return external
    .filter((r) => !known.has(r.id))
    .map((r) => `${r.where}: ${r.id} is neither defined in this dataset nor in the graph`);
}
