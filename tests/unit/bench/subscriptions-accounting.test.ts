// The subscriptions benchmark's accounting: which writes a filter keeps, and lost, duplicated, unexpected and latency.
import { keeps, percentile, tally, type Written } from "../../../bench/subscriptions/accounting";

const written: Written[] = [
  { id: "statement:1", speaker: "person:a", kind: "DIRECT_QUOTE", committedAt: 100 },
  { id: "statement:2", speaker: "person:b", kind: "REPORTED", committedAt: 200 },
  { id: "statement:3", speaker: "person:a", kind: "REPORTED", committedAt: 300 },
];

describe("keeps", () => {
  it("keeps a statement by the filter's speaker and kind, every one without a filter or for changes", () => {
    const ids = (interest: Parameters<typeof keeps>[0]) => written.filter((w) => keeps(interest, w)).map((w) => w.id);
    expect(ids({ subscription: "statementAdded", speaker: "person:a" })).toEqual(["statement:1", "statement:3"]);
    expect(ids({ subscription: "statementAdded", kind: "REPORTED" })).toEqual(["statement:2", "statement:3"]);
    expect(ids({ subscription: "statementAdded", speaker: "person:a", kind: "REPORTED" })).toEqual(["statement:3"]);
    expect(ids({ subscription: "statementAdded" })).toHaveLength(3);
    expect(ids({ subscription: "changes" })).toHaveLength(3);
  });
});

describe("tally", () => {
  it("counts the lost, the duplicated and the unexpected, and the latency of each first receipt", () => {
    const received = [
      { id: "statement:1", at: 150 },
      { id: "statement:1", at: 160 },
      { id: "statement:2", at: 210 },
      { id: "statement:9", at: 400 },
    ];
    expect(tally({ subscription: "statementAdded", speaker: "person:a" }, written, received)).toEqual({
      expected: 2,
      received: 4,
      lost: 1,
      duplicated: 1,
      unexpected: 2,
      latencies: [50],
    });
  });

  it("finds nothing wrong when every kept statement arrives once", () => {
    const received = written.map((w) => ({ id: w.id, at: w.committedAt + 5 }));
    const result = tally({ subscription: "changes" }, written, received);
    expect(result).toMatchObject({ expected: 3, received: 3, lost: 0, duplicated: 0, unexpected: 0 });
    expect(result.latencies).toEqual([5, 5, 5]);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });
});
