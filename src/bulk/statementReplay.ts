// Statements of a bulk import as the loader leaves them in Neo4j: one node per statement, unless a later file reports
// it again (the same id, a sameAs, or the same quotation by the same speaker), when it becomes one node with every
// source's claim, evidence and links. The first pass marks the statements that may meet one of another file
// (BloomFilter); the second replays the loader's statement resolution (resolveStatements) with the loader's writes
// (RESTATE_STATEMENTS, materialiseStatements in src/graph) for those only, in load order. Every other statement is
// written as it comes, so memory holds only the few that are followed.
import type { StatementWrite } from "../graph/writes/datasetWrites";
import type { StatementClaims } from "../domain/claims";
import { statementValues } from "../domain/nodeValues";
import type { Precision } from "../domain/dates";
import type { ResolutionReads } from "../load/resolutionReads";
import type { StatementToResolve } from "../load/resolveStatements";
import type { BloomFilter } from "./bloomFilter";
import type { SourceRef } from "./entityGraph";
import { anyDateKeys, ownKeys, soughtKeys } from "./meetingKeys";

/** One statement of one dataset file as the loader writes a new one (its entity ends are handle tokens). */
export interface ReportedStatement {
  /** The file's place in load order. */
  file: number;
  /** Its place among the file's statements. */
  index: number;
  source: SourceRef;
  sameAs?: string;
  row: StatementWrite;
}

export type StatementLinkType = "SAID" | "SAID_AT" | "DURING" | "MENTIONS";

export interface StatementLink {
  type: StatementLinkType;
  /** The entity at the other end (a handle token). */
  end: string;
  fromSource?: boolean;
  /** The sources that state it, sorted; null while one source reports the statement. */
  sources: string[] | null;
}

/** What one source says the statement is (a CLAIMED_IN relationship). */
export interface StatementClaim {
  source: SourceRef;
  props: Omit<StatementClaims, "sourceId" | "publishedOn">;
}

/** A statement node: its values, every report of it (with its evidence), claims once two sources report it. */
export interface StatementNode {
  id: string;
  values: {
    text: string;
    kind: string;
    saidOn: string | null;
    datePrecision: string | null;
    time: string | null;
    channel: string | null;
    recurring: boolean;
    quoteHash: string | null;
  };
  reports: ReportedStatement[];
  claims: StatementClaim[] | null;
  links: StatementLink[];
  aliasIds: Set<string>;
}

/** The node one report makes (CREATE_STATEMENTS): the source's values and links, no claims, no lists of sources. */
export function singleReport(record: ReportedStatement): StatementNode {
  const { row } = record;
  return {
    id: row.claimId,
    values: {
      text: row.text,
      kind: row.kind,
      saidOn: row.saidOn,
      datePrecision: row.datePrecision,
      time: row.time,
      channel: row.channel,
      recurring: row.recurring,
      quoteHash: row.quoteHash,
    },
    reports: [record],
    claims: null,
    links: [
      { type: "SAID", end: row.speaker, sources: null },
      ...(row.venue.id ? [link("SAID_AT", row.venue.id, row.venue.fromSource)] : []),
      ...(row.event.id ? [link("DURING", row.event.id, row.event.fromSource)] : []),
      ...row.mentions.map((m): StatementLink => ({ type: "MENTIONS", end: m, sources: null })),
    ],
    aliasIds: new Set(),
  };
}

const link = (type: StatementLinkType, end: string, fromSource: unknown): StatementLink => ({
  type,
  end,
  fromSource: fromSource as boolean,
  sources: null,
});

/**
 * Neo4j's toString of a time, which RESTATE_STATEMENTS stores in the earlier source's claim: seconds always written,
 * a zero offset as Z ("13:00+03:00" → "13:00:00+03:00", "09:30:00+00:00" → "09:30:00Z").
 */
export function neo4jTimeString(time: string): string {
  const match = /^(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(time);
  if (!match) return time;
  const offset = match[3] === "+00:00" || match[3] === "-00:00" ? "Z" : match[3]!;
  return `${match[1]}${match[2] ?? ":00"}${offset}`;
}

/**
 * Whether statement resolution can do anything with a statement, given the keys the first pass met more than once:
 * join it to an earlier one (a key it looks for is among them, or it says sameAs, which may also refuse it), or keep it
 * for a later one to join (a key it is found under is among them). Any other statement is written as it comes, without
 * the replay, which therefore sees it only when it must.
 */
export function needsReplay(record: ReportedStatement, suspects: ReadonlySet<string>): boolean {
  if (record.sameAs !== undefined) return true;
  const { row } = record;
  return soughtKeys(row).some((key) => suspects.has(key)) || ownKeys(row).some((key) => suspects.has(key));
}

export class UndecidableStatement extends Error {}

export class StatementReplay {
  private readonly byId = new Map<string, StatementNode>();
  private readonly byHash = new Map<string, StatementNode[]>();
  private readonly followed: StatementNode[] = [];
  private touched = new Set<StatementNode>();
  /** Statements of the import that joined another. */
  joined = 0;

  constructor(
    /** Every key of the first pass (ids and quotations), to tell whether a key may be met. */
    private readonly seen: BloomFilter,
    /** Keys met more than once in the first pass: their statements are followed. */
    private readonly suspects: ReadonlySet<string>,
  ) {}

  /** Statement resolution's reads over the followed statements (no other can be met: see the first pass). */
  reads(): ResolutionReads {
    return {
      knownIds: (ids) => Promise.resolve(this.knownIds(ids)),
      findCandidates: () => Promise.reject(new Error("statement replay resolves no entities")),
      sameQuotations: (rows) => Promise.resolve(this.sameQuotations(rows)),
    };
  }

  /** What resolveStatements reads of a statement. */
  static toResolve(record: ReportedStatement): StatementToResolve {
    const { row } = record;
    return {
      id: row.claimId,
      index: record.index,
      sameAs: record.sameAs,
      speaker: row.speaker,
      kind: row.kind as StatementToResolve["kind"],
      saidOn: row.saidOn ?? undefined,
      datePrecision: (row.datePrecision ?? undefined) as Precision | undefined,
    };
  }

  /** The followed node an id names (its own id or an alias id). */
  nodeOf(id: string): StatementNode | undefined {
    return this.byId.get(id);
  }

  followedNodes(): readonly StatementNode[] {
    return this.followed;
  }

  /** Whether a statement may meet another of a later file, so that it must be followed. */
  mayMeetAnother(record: ReportedStatement): boolean {
    return ownKeys(record.row).some((key) => this.suspects.has(key));
  }

  /** A new statement that is followed. */
  follow(record: ReportedStatement): void {
    const node = singleReport(record);
    this.followed.push(node);
    this.byId.set(node.id, node);
    this.index(node);
  }

  /** Another source reports a followed statement (RESTATE_STATEMENTS, one row). */
  restate(into: string, record: ReportedStatement): void {
    const node = this.byId.get(into);
    if (!node) throw new Error(`statement ${into} is not followed`);
    const { row, source } = record;
    this.joined++;
    this.touched.add(node);
    const others = [...new Set(node.reports.map((r) => r.source.id))].filter((id) => id !== source.id).sort();
    if (!node.claims) {
      // The earlier source's claim is what the node shows (its values, read back from Neo4j as strings).
      const v = node.values;
      const earlier = [...new Map(node.reports.map((r) => [r.source.id, r.source])).values()];
      node.claims = earlier
        .filter((s) => s.id !== source.id)
        .map((s) => ({
          source: s,
          props: {
            id: node.id,
            text: v.text,
            kind: v.kind,
            saidOn: v.saidOn,
            datePrecision: v.datePrecision as Precision | null,
            time: v.time === null ? null : neo4jTimeString(v.time),
            channel: v.channel,
            recurring: v.recurring,
          },
        }));
    }
    node.claims.push({
      source,
      props: {
        id: row.claimId,
        text: row.text,
        kind: row.kind,
        saidOn: row.saidOn,
        datePrecision: row.datePrecision as Precision | null,
        time: row.time,
        channel: row.channel,
        recurring: row.recurring,
      },
    });
    node.reports.push(record);
    for (const l of node.links) l.sources ??= others;
    this.merge(node, source.id, "SAID", row.speaker);
    if (row.venue.id) this.merge(node, source.id, "SAID_AT", row.venue.id, row.venue.fromSource as boolean);
    if (row.event.id) this.merge(node, source.id, "DURING", row.event.id, row.event.fromSource as boolean);
    for (const m of row.mentions) this.merge(node, source.id, "MENTIONS", m);
  }

  /**
   * After a file: the values of every statement it reported again, chosen from all their claims
   * (materialiseStatements), with the id the earliest source used. A statement whose new words or speakers could meet
   * a statement the first pass did not mark is refused: the replay could not decide it as the loader does.
   */
  settle(): void {
    for (const node of this.touched) {
      const chosen = statementValues({
        id: node.id,
        curatedFields: [],
        current: {},
        claims: node.claims!.map(({ source, props }) => ({
          ...props,
          sourceId: source.id,
          publishedOn: source.publishedOn,
        })),
      })!;
      this.unindex(node);
      node.values = {
        text: chosen.text,
        kind: chosen.kind,
        saidOn: chosen.saidOn,
        datePrecision: chosen.datePrecision,
        time: chosen.time,
        channel: chosen.channel,
        recurring: chosen.recurring,
        quoteHash: chosen.quoteHash,
      };
      if (chosen.newId !== node.id) {
        this.byId.delete(node.id);
        node.id = chosen.newId;
      }
      node.aliasIds.delete(node.id);
      for (const alias of chosen.aliasIds) {
        node.aliasIds.add(alias);
        this.byId.set(alias, node);
      }
      this.byId.set(node.id, node);
      this.index(node);
      this.checkDecidable(node);
    }
    this.touched = new Set();
  }

  private checkDecidable(node: StatementNode): void {
    const own = new Set(node.reports.flatMap((r) => ownKeys(r.row)));
    const hash = node.values.quoteHash;
    if (!hash) return;
    for (const key of anyDateKeys(hash, this.speakers(node))) {
      if (!own.has(key) && this.seen.mightContain(key)) {
        throw new UndecidableStatement(
          `statement ${node.id} took the words or speaker of a statement it was joined with (by id or sameAs), ` +
            "and another statement of the import may quote those words: bulk import cannot tell whether the loader " +
            "would join them; load these files with npm run seed",
        );
      }
    }
  }

  private knownIds(ids: string[]): Map<string, string> {
    const known = new Map<string, string>();
    for (const id of ids) {
      const node = this.byId.get(id);
      if (node) known.set(id, node.id);
    }
    return known;
  }

  /** As sameQuotations in src/graph/reads/resolutionReads.ts, over the followed statements. */
  private sameQuotations(rows: { incoming: string; speaker: string; quoteHash: string }[]) {
    return rows.flatMap((row) =>
      (this.byHash.get(row.quoteHash) ?? [])
        .filter((node) => node.id !== row.incoming && this.speakers(node).includes(row.speaker))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((node) => ({ incoming: row.incoming, id: node.id, dates: datesOf(node) })),
    );
  }

  private speakers(node: StatementNode): string[] {
    return node.links.filter((l) => l.type === "SAID").map((l) => l.end);
  }

  private merge(node: StatementNode, sourceId: string, type: StatementLinkType, end: string, fromSource?: boolean) {
    const existing = node.links.find((l) => l.type === type && l.end === end);
    if (existing) {
      existing.sources = [...new Set([...(existing.sources ?? []), sourceId])].sort();
      if (fromSource !== undefined) existing.fromSource = fromSource;
    } else {
      node.links.push({ type, end, ...(fromSource !== undefined ? { fromSource } : {}), sources: [sourceId] });
    }
  }

  private index(node: StatementNode): void {
    const hash = node.values.quoteHash;
    if (!hash) return;
    const list = this.byHash.get(hash);
    if (list) list.push(node);
    else this.byHash.set(hash, [node]);
  }

  private unindex(node: StatementNode): void {
    const hash = node.values.quoteHash;
    if (!hash) return;
    const rest = (this.byHash.get(hash) ?? []).filter((n) => n !== node);
    if (rest.length > 0) this.byHash.set(hash, rest);
    else this.byHash.delete(hash);
  }
}

/** The dates a statement's sources give, and the one it shows (as sameQuotations reads them). */
function datesOf(node: StatementNode): { date: string; precision: Precision }[] {
  const claimed = (node.claims ?? [])
    .filter((c) => c.props.saidOn !== null)
    .map((c) => ({ date: c.props.saidOn!, precision: c.props.datePrecision! }));
  const shown = node.values.saidOn
    ? [{ date: node.values.saidOn, precision: node.values.datePrecision as Precision }]
    : [];
  return [...claimed, ...shown];
}
