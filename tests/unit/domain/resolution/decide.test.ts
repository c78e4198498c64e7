// The decision over all candidates: MERGED into a clear best, AMBIGUOUS when plausible but unsure, NEW otherwise.
import { AMBIGUOUS_THRESHOLD, MERGE_THRESHOLD, resolve, type EntityProfile } from "../../../../src/domain/resolution";
import { person, president, zelenskyy } from "./profiles";

const anna = person("person:anna-kovalenko", ["Anna Kovalenko"]);
const olena = person("person:olena-kovalenko", ["Olena Kovalenko"]);

describe("resolving an incoming entity", () => {
  it("has thresholds that leave room between a merge and a new entity", () => {
    expect([AMBIGUOUS_THRESHOLD, MERGE_THRESHOLD]).toEqual([0.6, 0.85]);
  });

  it("merges V. Zelensky and President Zelensky into Volodymyr Zelenskyy, the President of Ukraine", () => {
    const initial = resolve(person("person:new", ["V. Zelensky"], president), [zelenskyy]);
    expect(initial).toEqual({
      incoming: "person:new",
      decision: "MERGED",
      into: "person:volodymyr-zelenskyy",
      score: 1,
      reasons: [
        'name "V. Zelensky" ~ "Volodymyr Zelenskyy" (initial V. for Volodymyr)',
        "same office: President of state:ua",
        "same state: state:ua",
      ],
      candidates: [{ id: "person:volodymyr-zelenskyy", score: 1, reasons: initial.reasons }],
    });
    expect(resolve(person("person:new", ["President Zelensky"]), [zelenskyy])).toMatchObject({
      decision: "MERGED",
      into: "person:volodymyr-zelenskyy",
      score: 0.87,
    });
  });

  it("asks about a bare surname with nothing else to go on", () => {
    expect(resolve(person("person:new", ["Zelensky"]), [zelenskyy])).toMatchObject({
      decision: "AMBIGUOUS",
      into: null,
      score: 0.74,
      reasons: [
        "best candidate person:volodymyr-zelenskyy scores 0.74, below the merge threshold 0.85",
        'name "Zelensky" ~ "Volodymyr Zelenskyy" (surname only)',
      ],
    });
  });

  it("never merges Olena Kovalenko into Anna Kovalenko, and says why", () => {
    expect(resolve(person("person:new", ["Olena Kovalenko"]), [anna])).toEqual({
      incoming: "person:new",
      decision: "NEW",
      into: null,
      score: 0,
      reasons: ['person:anna-kovalenko rejected: different given names: "Olena Kovalenko" vs "Anna Kovalenko"'],
      candidates: [
        {
          id: "person:anna-kovalenko",
          score: 0,
          reasons: ['rejected: different given names: "Olena Kovalenko" vs "Anna Kovalenko"'],
        },
      ],
    });
  });

  it("picks the namesake with the same given name, listing the rejected one last", () => {
    const resolution = resolve(person("person:new", ["Olena Kovalenko"]), [anna, olena]);
    expect(resolution).toMatchObject({ decision: "MERGED", into: "person:olena-kovalenko", score: 0.9 });
    expect(resolution.candidates.map((c) => [c.id, c.score])).toEqual([
      ["person:olena-kovalenko", 0.9],
      ["person:anna-kovalenko", 0],
    ]);
  });

  it("asks when two candidates score alike, naming both", () => {
    expect(resolve(person("person:new", ["Kovalenko"]), [olena, anna])).toMatchObject({
      decision: "AMBIGUOUS",
      into: null,
      score: 0.76,
      reasons: [
        "best candidate person:anna-kovalenko scores 0.76, below the merge threshold 0.85",
        'name "Kovalenko" ~ "Anna Kovalenko" (surname only)',
      ],
    });
    const namesake = person("person:volodymyr-zelenskyy-2", ["Volodymyr Zelenskyy"]);
    expect(resolve(person("person:new", ["Volodymyr Zelenskyy"]), [zelenskyy, namesake])).toMatchObject({
      decision: "AMBIGUOUS",
      score: 0.9,
      reasons: ["two candidates score alike: person:volodymyr-zelenskyy (0.9) and person:volodymyr-zelenskyy-2 (0.9)"],
    });
  });

  it("merges into a clearly better candidate than the next", () => {
    const namesake = person("person:volodymyr-zelenskyy-2", ["Volodymyr Zelenskyy"]);
    const incoming = person("person:new", ["Volodymyr Zelenskyy"], president);
    expect(resolve(incoming, [namesake, zelenskyy])).toMatchObject({
      decision: "MERGED",
      into: "person:volodymyr-zelenskyy",
      score: 1,
    });
  });

  it("does not depend on the order of the candidates", () => {
    const incoming = person("person:new", ["Kovalenko"]);
    const candidates = [olena, anna, zelenskyy, person("person:kovalenko", ["Kovalenko"])];
    const forward = resolve(incoming, candidates);
    expect(resolve(incoming, [...candidates].reverse())).toEqual(forward);
    expect(forward.candidates.map((c) => c.id)).toEqual([
      "person:anna-kovalenko",
      "person:kovalenko",
      "person:olena-kovalenko",
      "person:volodymyr-zelenskyy",
    ]);
  });

  it("never resolves an entity to itself, and counts a candidate given twice once", () => {
    expect(resolve(zelenskyy, [zelenskyy])).toMatchObject({
      decision: "NEW",
      score: null,
      reasons: ["no candidate shares a name key"],
      candidates: [],
    });
    const resolution = resolve(person("person:new", ["Volodymyr Zelenskyy"]), [zelenskyy, zelenskyy]);
    expect(resolution).toMatchObject({ decision: "MERGED", into: "person:volodymyr-zelenskyy" });
    expect(resolution.candidates).toHaveLength(1);
  });

  it("makes a new entity when the best candidate scores low", () => {
    const ukrainian: EntityProfile = { id: "organization:new", label: "Organization", names: ["Ukrainian delegation"] };
    const russian: EntityProfile = {
      id: "organization:russian-delegation",
      label: "Organization",
      names: ["Russian delegation"],
    };
    expect(resolve(ukrainian, [russian])).toMatchObject({
      decision: "NEW",
      score: 0.283,
      reasons: [
        "best candidate organization:russian-delegation scores 0.283, below 0.6",
        'name "Ukrainian delegation" ~ "Russian delegation" (words in common: delegation; similarity 0.33)',
      ],
    });
  });

  it("merges Chiragan Palace into Çırağan Palace, both in Istanbul", () => {
    const venue = (id: string, name: string): EntityProfile => ({
      id,
      label: "Venue",
      names: [name],
      locatedIn: ["venue:istanbul"],
    });
    expect(
      resolve(venue("venue:new", "Chiragan Palace"), [venue("venue:ciragan-palace", "Ciragan Palace")]),
    ).toMatchObject({
      decision: "MERGED",
      into: "venue:ciragan-palace",
      score: 0.96,
    });
  });

  it("keeps Georgia the state apart from the venue and from a state of another code", () => {
    const georgia: EntityProfile = { id: "state:new", label: "State", names: ["Georgia"], isoCode: "GE" };
    const venue: EntityProfile = { id: "venue:georgia", label: "Venue", names: ["Georgia"] };
    const usGeorgia: EntityProfile = { id: "state:georgia-us", label: "State", names: ["Georgia"], isoCode: "US-GA" };
    expect(resolve(georgia, [venue, usGeorgia])).toMatchObject({
      decision: "NEW",
      reasons: [
        "state:georgia-us rejected: different ISO codes: GE vs US-GA",
        "venue:georgia rejected: different labels: State vs Venue",
      ],
    });
  });

  describe("events", () => {
    const talks = (id: string, name: string, date: string, precision: "DAY" | "MONTH" = "DAY"): EntityProfile => ({
      id,
      label: "Event",
      names: [name],
      venues: ["venue:villa-lumen"],
      date: { date, precision },
    });
    const first = talks("event:first", "First round of talks at Villa Lumen", "2025-03-04");
    const second = talks("event:second", "Second round of talks at Villa Lumen", "2025-03-18");

    it("never merges the second round into the first at the same venue", () => {
      expect(resolve({ ...second, id: "event:new" }, [first])).toMatchObject({ decision: "NEW", into: null });
      expect(resolve({ ...second, id: "event:new" }, [first, second])).toMatchObject({
        decision: "MERGED",
        into: "event:second",
      });
    });

    it("merges an event dated by day into one dated by month at the same venue, not into the next month", () => {
      const may = talks("event:may", "Talks at Villa Lumen", "2025-05-01", "MONTH");
      const june = talks("event:june", "Talks at Villa Lumen", "2025-06-01", "MONTH");
      const incoming = talks("event:new", "Talks at Villa Lumen", "2025-05-16");
      expect(resolve(incoming, [may])).toMatchObject({ decision: "MERGED", into: "event:may", score: 1 });
      expect(resolve(incoming, [june])).toMatchObject({
        decision: "NEW",
        reasons: ["event:june rejected: different dates: 2025-05-16 (DAY) vs 2025-06 (MONTH)"],
      });
    });
  });
});
