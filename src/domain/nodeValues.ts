// The values a node shows, chosen from every source's claims with a curator's values first (chooseValues): what the
// data layer stores on a node when it materialises it (src/graph/writes/claims.ts), and what the bulk import writes for
// it (src/bulk). Pure.
import {
  chooseStatementValues,
  chooseValues,
  type ChosenStatement,
  type CuratedStatement,
  type CuratedValues,
  type SourceClaims,
  type StatementClaims,
} from "./claims";
import { quotationKey } from "./quotations";
import { lookupKeys, spellingText, type ResolvableLabel } from "./resolution";

/** A node as stored, with its claims: what its values are chosen from. */
export interface StoredEntity {
  id: string;
  label: ResolvableLabel;
  curatedFields: string[];
  /** The values the node shows now (a curator's ones are kept). */
  current: Record<string, string | null>;
  currentAliases: string[];
  claims: SourceClaims[];
}

/** What a node shows, as materialise stores it. */
export interface EntityValues {
  id: string;
  /** The id it goes by from now on (its earliest source's); the others are its alias ids. */
  newId: string;
  aliasIds: string[];
  name: string;
  aliases: string[];
  fromSource: boolean;
  props: Record<string, string | null>;
  date: string | null;
  startsAt: string | null;
  /** Its name keys (entity resolution finds candidates by them). */
  keys: string[];
  /** Skeletons of the names' words, for the full-text index (names in other spellings). */
  spellings: string;
}

/** Properties each label carries besides name, aliases and description. */
export const LABEL_PROPS: Record<ResolvableLabel, readonly string[]> = {
  Person: [],
  State: ["isoCode"],
  Organization: [],
  Venue: ["kind"],
  Event: ["datePrecision"],
};

/**
 * The values of an entity from all its claims (null without claims: it keeps its own): name, aliases and the other
 * fields, the id (the earliest source's; the others become alias ids) and name keys.
 */
export function entityValues(stored: StoredEntity): EntityValues | null {
  const curated: CuratedValues = {};
  for (const field of stored.curatedFields) {
    if (field !== "aliases") (curated as Record<string, string | null>)[field] = stored.current[field] ?? null;
    // A curated date comes with its precision.
    if (field === "date") curated.datePrecision = stored.current.datePrecision ?? null;
  }
  const claimedIds = new Set(stored.claims.map((c) => c.id));
  // A node a curator created or merged keeps its id (so does one written before claims existed: see graphFormat.ts).
  const keeps = stored.curatedFields.includes("id");
  const chosen = chooseValues(stored.claims, curated, keeps ? stored.id : undefined);
  if (!chosen) return null;
  // A curator's aliases stay beside the sources'.
  if (stored.curatedFields.includes("aliases")) {
    for (const alias of stored.currentAliases) {
      if (alias !== chosen.name && !chosen.aliases.includes(alias)) chosen.aliases.push(alias);
    }
  }
  const newId = chosen.id;
  const wanted = LABEL_PROPS[stored.label];
  const props: Record<string, string | null> = { description: chosen.props.description ?? null };
  for (const field of wanted) props[field] = (chosen.props as Record<string, string | null>)[field] ?? null;
  const isEvent = stored.label === "Event";
  return {
    id: stored.id,
    newId,
    aliasIds: [...claimedIds, stored.id].filter((id) => id !== newId),
    name: chosen.name,
    aliases: chosen.aliases,
    fromSource: chosen.fromSource,
    props,
    date: isEvent ? (chosen.props.date ?? null) : null,
    startsAt: isEvent ? (chosen.props.startsAt ?? null) : null,
    keys: lookupKeys(stored.label, [chosen.name, ...chosen.aliases]),
    spellings: spellingText(stored.label, [chosen.name, ...chosen.aliases]),
  };
}

/** The statement fields a curator may set; with curatedFields they keep the curator's value. */
const STATEMENT_FIELDS = ["text", "kind", "time", "channel", "saidOn", "datePrecision"] as const;

export interface StoredStatement {
  id: string;
  curatedFields: string[];
  current: CuratedStatement;
  claims: StatementClaims[];
}

/** What a statement shows, as materialiseStatements stores it. */
export interface StatementValues extends ChosenStatement {
  newId: string;
  aliasIds: string[];
  quoteHash: string | null;
}

/**
 * The values of a statement from every source's report of it (text, kind, date, time, channel), with the id the
 * earliest source used (the others become alias ids) and the key of its quotation; null without claims.
 */
export function statementValues(stored: StoredStatement): StatementValues | null {
  const curated: CuratedStatement = {};
  for (const field of STATEMENT_FIELDS) {
    if (stored.curatedFields.includes(field)) Object.assign(curated, { [field]: stored.current[field] ?? null });
  }
  const chosen = chooseStatementValues(stored.claims, curated);
  if (!chosen) return null;
  const claimedIds = new Set(stored.claims.map((c) => c.id));
  const newId = stored.curatedFields.includes("id") ? stored.id : chosen.id;
  const aliasIds = [...claimedIds, stored.id].filter((id) => id !== newId);
  const quoteHash = chosen.kind === "DIRECT_QUOTE" ? quotationKey(chosen.text) : null;
  return { ...chosen, id: stored.id, newId, aliasIds, quoteHash };
}
