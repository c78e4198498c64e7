// The one label table and the lists derived from it.
import {
  ENTITY_LABELS,
  LABEL_BY_PREFIX,
  LABELS,
  LIST_LABELS,
  MENTIONABLE_LABELS,
  NAMED_LABELS,
  SPEAKER_LABELS,
  labelNouns,
  labelOfId,
  prefixOf,
} from "../../../src/domain/labels";

describe("the label table", () => {
  it("derives each list in the table's order", () => {
    expect(ENTITY_LABELS).toEqual(["Person", "State", "Organization", "Venue", "Event"]);
    expect(NAMED_LABELS).toEqual(["Person", "State", "Organization", "Venue", "Event", "Source"]);
    expect(LIST_LABELS).toEqual(NAMED_LABELS);
    expect(SPEAKER_LABELS).toEqual(["Person", "State", "Organization"]);
    expect(MENTIONABLE_LABELS).toEqual(["Person", "State", "Organization", "Venue", "Event"]);
  });

  it("maps labels to id prefixes and back", () => {
    expect(LABEL_BY_PREFIX).toEqual({
      person: "Person",
      state: "State",
      organization: "Organization",
      venue: "Venue",
      event: "Event",
      source: "Source",
      statement: "Statement",
    });
    for (const label of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
      expect(LABEL_BY_PREFIX[prefixOf(label)]).toBe(label);
    }
  });

  it("reads the label of an id from its prefix", () => {
    expect(labelOfId("statement:doe-will-sign")).toBe("Statement");
    expect(labelOfId("venue:ciragan-palace")).toBe("Venue");
    expect(labelOfId("planet:mars")).toBeUndefined();
    expect(labelOfId("constructor:x")).toBeUndefined();
    expect(labelOfId("no-prefix")).toBeUndefined();
  });

  it("names kinds in messages as a list ending in 'or'", () => {
    expect(labelNouns(["Venue"])).toBe("venue");
    expect(labelNouns(SPEAKER_LABELS)).toBe("person, state or organization");
    expect(labelNouns(MENTIONABLE_LABELS)).toBe("person, state, organization, venue or event");
  });
});
