// The live part of changes(filter:) keeps the entries the replay's Cypher keeps (changeReads.ts).
import { entryMatches } from "../../../../src/graphql/live/changeFilter";
import type { ChangeRow } from "../../../../src/graph/writes/changes/changeReads";

const entry: ChangeRow = {
  seq: 7,
  at: "2026-12-07T05:00:53.123456789Z",
  kind: "UPDATED",
  actor: "api-token",
  nodeId: "person:jane-doe",
  label: "Person",
  ids: ["person:jane-doe"],
  fields: [],
  source: null,
};

describe("entryMatches", () => {
  it("keeps an entry that every given condition keeps", () => {
    expect(entryMatches(entry, {})).toBe(true);
    expect(entryMatches(entry, { ids: ["person:jane-doe"], kinds: ["UPDATED"], actor: "api-token" })).toBe(true);
    expect(entryMatches(entry, { since: "2026-12-07T05:00:53.123Z" })).toBe(true);
    expect(entryMatches(entry, { since: "2026-12-07T06:00:53+01:00" })).toBe(true);
  });

  it("drops it when one condition fails, an empty list included (as IN [] does)", () => {
    expect(entryMatches(entry, { ids: ["person:john-smith"] })).toBe(false);
    expect(entryMatches(entry, { ids: [] })).toBe(false);
    expect(entryMatches(entry, { kinds: ["CREATED", "DELETED"] })).toBe(false);
    expect(entryMatches(entry, { actor: "someone" })).toBe(false);
    expect(entryMatches(entry, { since: "2026-12-07T05:00:53.124Z" })).toBe(false);
    expect(entryMatches({ ...entry, nodeId: null }, { ids: ["person:jane-doe"] })).toBe(false);
  });
});
