// The one table of node labels: each label's id prefix and what its nodes may be (named, listed, a speaker,
// mentioned). Every label list of the data layer, the loader and the mutations is derived from it.

interface LabelTraits {
  /** Ids read "<prefix>:<slug>", e.g. person:jane-doe. */
  prefix: string;
  /** A thing a dataset defines by name: aliases, name keys, links to other entities, and a fromSource flag. */
  entity: boolean;
  /** Has a name (a source's title) with an index and full-text search. */
  named: boolean;
  /** Has a list of its own in the API (people, states, …). */
  listed: boolean;
  /** May say a statement (SAID) and take part in an event (PARTICIPATED_IN). */
  speaker: boolean;
  /** A statement may mention it (MENTIONS). */
  mentionable: boolean;
}

// The order is the order of error messages ("a person, state or organization").
export const LABELS = {
  Person: { prefix: "person", entity: true, named: true, listed: true, speaker: true, mentionable: true },
  State: { prefix: "state", entity: true, named: true, listed: true, speaker: true, mentionable: true },
  Organization: { prefix: "organization", entity: true, named: true, listed: true, speaker: true, mentionable: true },
  Venue: { prefix: "venue", entity: true, named: true, listed: true, speaker: false, mentionable: true },
  Event: { prefix: "event", entity: true, named: true, listed: true, speaker: false, mentionable: true },
  Source: { prefix: "source", entity: false, named: true, listed: true, speaker: false, mentionable: false },
  Statement: { prefix: "statement", entity: false, named: false, listed: false, speaker: false, mentionable: false },
} as const satisfies Record<string, LabelTraits>;

type Table = typeof LABELS;
type Trait = Exclude<keyof LabelTraits, "prefix">;

/** Every label of the domain; each node also carries :Entity, whose unique id serves look-ups by id. */
export type Label = keyof Table;
type LabelsWith<T extends Trait> = { [L in Label]: Table[L][T] extends true ? L : never }[Label];
export type EntityLabel = LabelsWith<"entity">;
export type NamedLabel = LabelsWith<"named">;
export type ListLabel = LabelsWith<"listed">;
export type SpeakerLabel = LabelsWith<"speaker">;
export type MentionableLabel = LabelsWith<"mentionable">;
export type IdPrefix = Table[Label]["prefix"];
/** "person", "state", …: the prefix of an entity's ids, the name of its kind in drafts and in ingestion. */
export type EntityPrefix = Table[EntityLabel]["prefix"];

const ALL = Object.keys(LABELS) as Label[];
const labelsWith = <T extends Trait>(trait: T) => ALL.filter((label) => LABELS[label][trait]) as LabelsWith<T>[];

export const ENTITY_LABELS: readonly EntityLabel[] = labelsWith("entity");
export const NAMED_LABELS: readonly NamedLabel[] = labelsWith("named");
export const LIST_LABELS: readonly ListLabel[] = labelsWith("listed");
export const SPEAKER_LABELS: readonly SpeakerLabel[] = labelsWith("speaker");
export const MENTIONABLE_LABELS: readonly MentionableLabel[] = labelsWith("mentionable");

/** { person: "Person", … }: the label an id's prefix stands for. */
export const LABEL_BY_PREFIX = Object.fromEntries(ALL.map((label) => [LABELS[label].prefix, label])) as {
  readonly [L in Label as Table[L]["prefix"]]: L;
};

export const prefixOf = (label: Label): IdPrefix => LABELS[label].prefix;

/** "person:jane-doe" → "Person"; undefined for an id without a known prefix. */
export function labelOfId(id: string): Label | undefined {
  const prefix = id.split(":")[0] ?? "";
  return Object.hasOwn(LABEL_BY_PREFIX, prefix) ? LABEL_BY_PREFIX[prefix as IdPrefix] : undefined;
}

/** ["Person", "State", "Organization"] → "person, state or organization", for messages. */
export function labelNouns(labels: readonly Label[]): string {
  const words = labels.map((label) => label.toLowerCase());
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
