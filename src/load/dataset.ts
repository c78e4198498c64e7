// The dataset format of seed/*.json (one file per source article), validated before anything is written.
import { z } from "zod";
import { RESPONSE_RELATIONS } from "../domain/responses";

const slug = (prefix: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}:[a-z0-9]+(?:[-.][a-z0-9]+)*$`),
      `must look like "${prefix}:lower-case-words-with-hyphens"`,
    );

/** A calendar date checked for existence (2025-02-30 is refused). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a real calendar date");

const precision = z.enum(["DAY", "MONTH", "YEAR"]);

/** A link to another entity. An object form marks a fact the source does not state (outside knowledge). */
const link = (prefix: string) =>
  z.union([
    slug(prefix),
    z.object({
      id: slug(prefix),
      fromSource: z.boolean(),
      note: z.string().optional(),
    }),
  ]);

const anyEntityId = z
  .string()
  .regex(
    /^(person|state|venue|organization|event):[a-z0-9]+(?:[-.][a-z0-9]+)*$/,
    "must be the id of a person, state, venue, organization or event",
  );

/** How an extractor found a statement or entity (npm run ingest): its confidence (0–1) and the cue it relied on. */
const extraction = z.strictObject({ confidence: z.number().min(0).max(1), cue: z.string().min(1) }).optional();

const entityBase = {
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  description: z.string().optional(),
  /** false for an entity the source does not name, added as outside knowledge. */
  fromSource: z.boolean().default(true),
  /** Overrides resolution: this entity is that node of the graph (by its id or an alias id). */
  sameAs: anyEntityId.optional(),
  /** Overrides resolution: this entity is none of these nodes, however alike they look. */
  distinctFrom: z.array(anyEntityId).default([]),
  extraction,
};

// Each kind of record on its own, so that other write paths (the mutations) apply the same rules to single fields.
export const sourceSchema = z.strictObject({
  id: slug("source"),
  title: z.string().min(1),
  publishedOn: isoDate,
  dateline: z.string().optional(),
  publisher: z.string().optional(),
  url: z.string().optional(),
  /** The full text inline, or the name of a text file next to the dataset. */
  text: z.string().min(1).optional(),
  textFile: z.string().min(1).optional(),
});

export const personSchema = z.strictObject({ id: slug("person"), ...entityBase });

export const stateSchema = z.strictObject({
  id: slug("state"),
  ...entityBase,
  isoCode: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"),
});

export const organizationSchema = z.strictObject({
  id: slug("organization"),
  ...entityBase,
  partOf: link("state").optional(),
});

export const venueSchema = z.strictObject({
  id: slug("venue"),
  ...entityBase,
  kind: z.enum(["building", "city", "region", "country", "site", "waterway"]),
  locatedIn: link("venue").optional(),
  state: link("state").optional(),
});

export const eventSchema = z.strictObject({
  id: slug("event"),
  ...entityBase,
  date: isoDate.optional(),
  datePrecision: precision.optional(),
  /** When the time is known: an ISO 8601 date-time with its offset. */
  startsAt: z.iso.datetime({ offset: true }).optional(),
  venue: link("venue").optional(),
  follows: link("event").optional(),
  participants: z
    .array(
      z.strictObject({
        id: z.string().regex(/^(person|state|organization):/, "must be a person, state or organization id"),
        role: z.string().optional(),
      }),
    )
    .default([]),
});

const span = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) });

export const statementSchema = z.strictObject({
  id: slug("statement"),
  /** This statement is that one of the graph (a paraphrase of it, or the same words): one statement, two reports. */
  sameAs: slug("statement").optional(),
  speaker: z.string().regex(/^(person|state|organization):/, "must be the id of a person, state or organization"),
  text: z.string().trim().min(1),
  kind: z.enum(["DIRECT_QUOTE", "REPORTED"]),
  saidOn: isoDate.optional(),
  datePrecision: precision.optional(),
  /** Local time with its offset, e.g. 13:00:00+03:00. */
  time: z
    .string()
    .regex(/^\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/, "must be a time with offset, e.g. 13:00:00+03:00")
    .optional(),
  channel: z.string().optional(),
  recurring: z.boolean().default(false),
  venue: link("venue").optional(),
  event: link("event").optional(),
  mentions: z.array(anyEntityId).default([]),
  /** Character spans [start, end) in the source text (UTF-16 code units, as JavaScript counts them). */
  evidence: z.array(span).min(1, "needs at least one evidence span"),
  /**
   * The statements this one answers, rejects, confirms or quotes: of this dataset or already in the graph (by id or
   * alias id), with the spans of the source text that say so, if any.
   */
  respondsTo: z
    .array(
      z.strictObject({
        statement: slug("statement"),
        relation: z.enum(RESPONSE_RELATIONS),
        evidence: z.array(span).default([]),
      }),
    )
    .default([]),
  extraction,
});

export const datasetSchema = z.strictObject({
  /** Free-text remarks of the dataset's author (choices made while reading the source); not loaded. */
  notes: z.array(z.string()).optional(),
  source: sourceSchema,
  people: z.array(personSchema).default([]),
  states: z.array(stateSchema).default([]),
  organizations: z.array(organizationSchema).default([]),
  venues: z.array(venueSchema).default([]),
  events: z.array(eventSchema).default([]),
  offices: z
    .array(
      z.strictObject({
        person: slug("person"),
        state: slug("state"),
        title: z.string().min(1),
        since: isoDate.optional(),
      }),
    )
    .default([]),
  memberships: z
    .array(
      z.strictObject({
        member: z.string().regex(/^(person|organization):/, "must be a person or organization id"),
        organization: slug("organization"),
      }),
    )
    .default([]),
  statements: z.array(statementSchema).default([]),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type StatementInput = Dataset["statements"][number];
/** A dataset less its statements: what entity resolution and the entities' rows read. */
export type DatasetEntities = Omit<Dataset, "statements">;

export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: dataset refused, nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/**
 * Validates the shape; returns the parsed dataset or throws a DatasetError listing every problem with its JSON
 * path.
 */
export function parseDataset(file: string, raw: unknown): Dataset {
  const result = datasetSchema.safeParse(raw);
  if (!result.success) {
    throw new DatasetError(
      file,
      result.error.issues.map((issue) => `${describePath(raw, issue.path)}: ${issue.message}`),
    );
  }
  return result.data;
}

/** "statements[3] (statement:foo).saidOn" — the index plus the item's id, so the user can find it. */
export function describePath(raw: unknown, pathParts: readonly PropertyKey[]): string {
  let out = "";
  let node: unknown = raw;
  for (const part of pathParts) {
    if (typeof part === "number") {
      out += `[${part}]`;
      node = Array.isArray(node) ? node[part] : undefined;
      const id = node && typeof node === "object" && "id" in node ? (node as { id: unknown }).id : undefined;
      if (typeof id === "string") out += ` (${id})`;
    } else {
      out += out ? `.${String(part)}` : String(part);
      node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    }
  }
  return out || "(root)";
}
