// An extraction as a dataset in the loader's format (src/load/dataset.ts): the text inlined, every entity a
// statement names listed with a readable id, and each statement and entity with how it was found
// (`extraction: { confidence, cue }`), so that a reviewer sees what to check first.
import { baseId, firstFreeId, slugify, statementSlugBasis } from "../../domain/ids";
import type { Label } from "../../domain/labels";
import type { Dataset } from "../../load/dataset";
import type { Entity } from "../entities/entities";
import type { Extraction } from "../extract";

export interface ArticleMeta {
  publishedOn: string;
  title?: string;
  url?: string;
  publisher?: string;
  /** The file the article came from: its name gives the source id when there is no title. */
  fileName?: string;
}

const LABELS: Record<Entity["type"], Label> = {
  person: "Person",
  state: "State",
  organization: "Organization",
  venue: "Venue",
  event: "Event",
};

/** Confidence of an entity: how sure the extractor is of what kind of thing it is and of its name. */
function entityConfidence(e: Entity): { confidence: number; cue: string } {
  if (e.knownId) return { confidence: 0.95, cue: "known to the graph" };
  if (e.type === "state" && e.isoCode) return { confidence: 0.95, cue: "state name" };
  if (e.type === "person" && e.name.includes(" ")) return { confidence: 0.9, cue: "full name" };
  return { confidence: 0.7, cue: `${e.type} by its name's form` };
}

export function draftDataset(text: string, extraction: Extraction, meta: ArticleMeta): Dataset {
  const title = meta.title ?? meta.fileName?.replace(/\.txt$/i, "") ?? `Article of ${meta.publishedOn}`;
  // The file's name, or the date and title: "2025-06-02-istanbul-talks" either way (a title that starts with the
  // date, as a file name sent as title does, is not dated twice), so a draft made locally or by the server has one id.
  const basis =
    meta.fileName?.replace(/\.txt$/i, "") ??
    (title.startsWith(meta.publishedOn) ? title : `${meta.publishedOn} ${title}`);
  const sourceSlug = slugify(basis) || "article";
  const taken = new Set<string>();
  const idOf = new Map<Entity, string>();
  for (const e of extraction.entities) {
    const id = e.knownId ?? firstFreeId(baseId(LABELS[e.type], e.name), taken);
    taken.add(id);
    idOf.set(e, id);
  }
  const entity = (e: Entity) => ({
    id: idOf.get(e)!,
    name: e.name,
    aliases: [...e.aliases].filter((a) => a !== e.name),
    distinctFrom: [],
    // The graph told the extractor who this is (an office's holder): that node, by its id.
    ...(e.knownId ? { sameAs: e.knownId } : {}),
    fromSource: true,
    extraction: entityConfidence(e),
  });
  const of = (type: Entity["type"]) => extraction.entities.filter((e) => e.type === type);
  const statementIds = new Set<string>();
  const statements = extraction.statements.map((s) => {
    const speaker = idOf.get(s.speaker)!;
    const id = firstFreeId(baseId("Statement", statementSlugBasis(speaker, s.text)), statementIds);
    statementIds.add(id);
    return {
      id,
      speaker,
      kind: s.kind,
      text: s.text,
      ...(s.saidOn ? { saidOn: s.saidOn, datePrecision: s.datePrecision } : {}),
      recurring: false,
      ...(s.venue ? { venue: idOf.get(s.venue)! } : {}),
      ...(s.event ? { event: idOf.get(s.event)! } : {}),
      mentions: s.mentions.map((m) => idOf.get(m)!).filter((m) => m !== speaker),
      evidence: s.evidence.map(({ start, end }) => ({ start, end })),
      respondsTo: [],
      extraction: { confidence: Number(s.confidence.toFixed(2)), cue: s.cue },
    };
  });
  return {
    notes: [
      `Drafted by npm run ingest from ${meta.fileName ?? "the article's text"}: ` +
        "review speakers, kinds and dates before importing.",
      ...extraction.unattributed.map(
        (u) =>
          `Unattributed quotation at ${u.parts[0]!.start}-${u.parts[u.parts.length - 1]!.end} (${u.reason}): ` +
          JSON.stringify(u.text.slice(0, 120)),
      ),
    ],
    source: {
      id: `source:${sourceSlug}`,
      title,
      publishedOn: meta.publishedOn,
      ...(extraction.dateline ? { dateline: extraction.dateline.name.toUpperCase() } : {}),
      ...(meta.publisher ? { publisher: meta.publisher } : {}),
      ...(meta.url ? { url: meta.url } : {}),
      text,
    },
    people: of("person").map(entity),
    states: of("state").map((e) => ({ ...entity(e), isoCode: e.isoCode! })),
    organizations: of("organization").map((e) => {
      // "Ukraine's foreign ministry" is part of Ukraine, when the draft names Ukraine.
      const state = e.roleState ? of("state").find((st) => st.isoCode === e.roleState) : undefined;
      return { ...entity(e), ...(state ? { partOf: idOf.get(state)! } : {}) };
    }),
    venues: of("venue").map((e) => ({
      ...entity(e),
      kind: e === extraction.dateline || !/\s/.test(e.name) ? ("city" as const) : ("building" as const),
    })),
    events: of("event").map((e) => ({ ...entity(e), participants: [] })),
    offices: [],
    memberships: [],
    statements,
  } as Dataset;
}
