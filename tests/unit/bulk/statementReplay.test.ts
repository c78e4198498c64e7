// The bulk import's replay of statements reported by several sources: what the loader's RESTATE_STATEMENTS and
// materialiseStatements leave (claims, evidence, lists of sources on links, the chosen values and id), and the
// statements it refuses to decide.
import { BloomFilter } from "../../../src/bulk/bloomFilter";
import { quotationKey as wordsKey } from "../../../src/domain/quotations";
import { quotationKey } from "../../../src/bulk/meetingKeys";
import {
  needsReplay,
  neo4jTimeString,
  StatementReplay,
  UndecidableStatement,
  type ReportedStatement,
} from "../../../src/bulk/statementReplay";

const HASH = wordsKey("We will sign on Friday");
const later = { id: "source:later", publishedOn: "2025-03-10" };
const earlier = { id: "source:earlier", publishedOn: "2025-03-08" };

function report(source: typeof later, id: string, change: Partial<ReportedStatement["row"]> = {}): ReportedStatement {
  return {
    file: source === later ? 0 : 1,
    index: 0,
    source,
    row: {
      id,
      claimId: id,
      isNew: true,
      quoteHash: HASH,
      text: "We will sign on Friday",
      kind: "DIRECT_QUOTE",
      saidOn: "2025-03-09",
      datePrecision: "DAY",
      time: "13:00+01:00",
      channel: null,
      recurring: false,
      speaker: "#1",
      venue: { id: "#2", fromSource: true },
      event: { id: null, fromSource: true },
      mentions: ["#3"],
      evidence: [{ start: 0, end: 10, excerpt: "We will si" }],
      extraction: null,
      ...change,
    },
  };
}

function replayWith(keys: string[] = []) {
  const seen = new BloomFilter(1000);
  keys.forEach((k) => seen.add(k));
  return new StatementReplay(seen, new Set(["i statement:first"]));
}

describe("replaying statements reported again", () => {
  it("writes times as Neo4j's toString does in the earlier source's claim", () => {
    expect(neo4jTimeString("13:00+01:00")).toBe("13:00:00+01:00");
    expect(neo4jTimeString("09:30:15-05:00")).toBe("09:30:15-05:00");
    expect(neo4jTimeString("09:30:00+00:00")).toBe("09:30:00Z");
    expect(neo4jTimeString("09:30Z")).toBe("09:30:00Z");
  });

  it("sends to the replay only statements that may join or be joined (the conversion's threads write the rest)", () => {
    const met = (keys: string[]) => new Set(keys);
    const quote = report(later, "statement:q");
    expect(needsReplay(quote, met([]))).toBe(false);
    expect(needsReplay(quote, met(["i statement:other"]))).toBe(false);
    // Found under its id, or its words by its speaker on any date: a later file may join it.
    expect(needsReplay(quote, met(["i statement:q"]))).toBe(true);
    expect(needsReplay(quote, met([quotationKey(HASH, "#1", "any")]))).toBe(true);
    // Looks for the words in the month an earlier statement dated by month was said.
    expect(needsReplay(quote, met([quotationKey(HASH, "#1", "month 2025-03")]))).toBe(true);
    // By another speaker: never joined.
    expect(needsReplay(quote, met([quotationKey(HASH, "#9", "any")]))).toBe(false);
    // sameAs joins (or is refused) whatever the keys say.
    expect(needsReplay({ ...quote, sameAs: "statement:first" }, met([]))).toBe(true);
  });

  it("follows a statement whose id a later file uses again, and only that one", () => {
    const replay = replayWith();
    expect(replay.mayMeetAnother(report(later, "statement:first"))).toBe(true);
    expect(replay.mayMeetAnother(report(later, "statement:other"))).toBe(false);
  });

  it("keeps each source's claim, evidence and links, and takes the earliest source's id", async () => {
    const replay = replayWith();
    replay.follow(report(later, "statement:first"));
    const again = report(earlier, "statement:again", {
      text: "We will sign on Friday!",
      saidOn: "2025-03-01",
      datePrecision: "MONTH",
      time: null,
      venue: { id: "#2", fromSource: false },
      mentions: ["#4"],
    });
    const [match] = await replay
      .reads()
      .sameQuotations([{ incoming: "statement:again", speaker: "#1", quoteHash: HASH }]);
    expect(match).toEqual({
      incoming: "statement:again",
      id: "statement:first",
      dates: [{ date: "2025-03-09", precision: "DAY" }],
    });
    replay.restate("statement:first", again);
    replay.settle();
    const [node] = replay.followedNodes();
    expect(node!.id).toBe("statement:again");
    expect([...node!.aliasIds]).toEqual(["statement:first"]);
    expect(node!.claims!.map((c) => [c.source.id, c.props.id, c.props.time, c.props.saidOn])).toEqual([
      ["source:later", "statement:first", "13:00:00+01:00", "2025-03-09"],
      ["source:earlier", "statement:again", null, "2025-03-01"],
    ]);
    // The most precise date consistent with both; the only time given.
    expect(node!.values).toMatchObject({ saidOn: "2025-03-09", datePrecision: "DAY", time: "13:00:00+01:00" });
    expect(node!.links).toEqual([
      { type: "SAID", end: "#1", sources: ["source:earlier", "source:later"] },
      { type: "SAID_AT", end: "#2", fromSource: false, sources: ["source:earlier", "source:later"] },
      { type: "MENTIONS", end: "#3", sources: ["source:later"] },
      { type: "MENTIONS", end: "#4", sources: ["source:earlier"] },
    ]);
    expect(node!.reports).toHaveLength(2);
    expect((await replay.reads().knownIds(["statement:first", "statement:again", "statement:x"])).size).toBe(2);
  });

  it("refuses a statement that takes on a speaker under whom another statement may quote the same words", () => {
    const byOther = report(earlier, "statement:by-other", { kind: "REPORTED", quoteHash: null, speaker: "#9" });
    const quietReplay = replayWith();
    quietReplay.follow(report(later, "statement:first"));
    quietReplay.restate("statement:first", byOther);
    expect(() => quietReplay.settle()).not.toThrow();

    const replay = replayWith([quotationKey(HASH, "#9", "any")]);
    replay.follow(report(later, "statement:first"));
    replay.restate("statement:first", byOther);
    expect(() => replay.settle()).toThrow(UndecidableStatement);
  });
});
