// Scoring one existing entity as the incoming one: names, then the context of each label; contradictions never merge.
import { scoreCandidate, type EntityProfile } from "../../../../src/domain/resolution";
import { person, president, zelenskyy } from "./profiles";

const event = (id: string, name: string, date: string, precision: "DAY" | "MONTH" | "YEAR" = "DAY"): EntityProfile => ({
  id,
  label: "Event",
  names: [name],
  venues: ["venue:villa-lumen"],
  date: { date, precision },
});

describe("scoring a candidate", () => {
  describe("across labels", () => {
    it("contradicts when the labels differ: Georgia the state is not Georgia the venue", () => {
      const georgia: EntityProfile = { id: "state:georgia", label: "State", names: ["Georgia"], isoCode: "GE" };
      const venue: EntityProfile = { id: "venue:georgia", label: "Venue", names: ["Georgia"], kind: "region" };
      expect(scoreCandidate(georgia, venue)).toEqual({
        score: 0,
        reasons: [],
        contradiction: "different labels: State vs Venue",
      });
    });
  });

  describe("people", () => {
    it("score an exact full name highest, with the name as reason", () => {
      expect(
        scoreCandidate(person("person:a", ["Volodymyr ZELENSKYY"]), person("person:b", ["Volodymyr Zelenskyy"])),
      ).toEqual({
        score: 0.9,
        reasons: ['name "Volodymyr ZELENSKYY" = "Volodymyr Zelenskyy" (same name)'],
        contradiction: null,
      });
    });

    it("take a transliteration variant for the same name, a little lower", () => {
      expect(
        scoreCandidate(person("person:a", ["Volodymyr Zelensky"]), person("person:b", ["Volodymyr Zelenskyy"])),
      ).toEqual({
        score: 0.88,
        reasons: ['name "Volodymyr Zelensky" ~ "Volodymyr Zelenskyy" (transliteration variant)'],
        contradiction: null,
      });
    });

    it("take a near spelling (Jaro-Winkler) lower still", () => {
      const { score, reasons } = scoreCandidate(person("a", ["Olena Kovalenco"]), person("b", ["Olena Kovalenko"]));
      expect([score, reasons]).toEqual([0.86, ['name "Olena Kovalenco" ~ "Olena Kovalenko" (near spelling)']]);
    });

    it("read an initial as any given name with its letter, and add a shared office", () => {
      const incoming = person("person:new", ["V. Zelensky"], president);
      expect(scoreCandidate(incoming, zelenskyy)).toEqual({
        score: 1,
        reasons: [
          'name "V. Zelensky" ~ "Volodymyr Zelenskyy" (initial V. for Volodymyr)',
          "same office: President of state:ua",
          "same state: state:ua",
        ],
        contradiction: null,
      });
    });

    it("take a bare surname as compatible but weak; a title before it that matches an office makes it up", () => {
      expect(scoreCandidate(person("a", ["Zelensky"]), zelenskyy)).toEqual({
        score: 0.74,
        reasons: ['name "Zelensky" ~ "Volodymyr Zelenskyy" (surname only)'],
        contradiction: null,
      });
      expect(scoreCandidate(person("a", ["President Zelensky"]), zelenskyy)).toEqual({
        score: 0.87,
        reasons: [
          'name "President Zelensky" ~ "Volodymyr Zelenskyy" (surname only)',
          'title in "President Zelensky" matches office President of state:ua',
        ],
        contradiction: null,
      });
    });

    it("match office titles by their words, but a vice president is not the president", () => {
      const minister = (title: string) => person("x", ["Umerov"], { offices: [{ state: "state:ua", title }] });
      expect(scoreCandidate(minister("Defence Minister"), minister("Minister of Defence")).reasons).toContain(
        "same office: Minister of Defence of state:ua",
      );
      const vice = person("a", ["Vance"], { offices: [{ state: "state:us", title: "Vice President" }] });
      const trump = person("b", ["J. Vance"], { offices: [{ state: "state:us", title: "President" }] });
      expect(scoreCandidate(vice, trump).reasons).not.toContain("same office: President of state:us");
    });

    it("contradict on two different full given names with one surname: namesakes, not one person", () => {
      expect(scoreCandidate(person("a", ["Olena Kovalenko"]), person("b", ["Anna Kovalenko"]))).toEqual({
        score: 0,
        reasons: [],
        contradiction: 'different given names: "Olena Kovalenko" vs "Anna Kovalenko"',
      });
    });

    it("contradict on the feminine and masculine forms of a surname or given name", () => {
      expect(scoreCandidate(person("a", ["Olena Zelenska"]), zelenskyy).contradiction).toBe(
        'feminine and masculine forms of a surname: "Olena Zelenska" vs "Volodymyr Zelenskyy"',
      );
      expect(scoreCandidate(person("a", ["Aleksandra Novak"]), person("b", ["Aleksandr Novak"])).contradiction).toBe(
        'different given names: "Aleksandra Novak" vs "Aleksandr Novak"',
      );
    });

    it("let full names outvote a bare-surname alias, both ways", () => {
      const olena = person("b", ["Olena Kovalenko", "Kovalenko"]);
      expect(scoreCandidate(person("a", ["Anna Kovalenko"]), olena).contradiction).toBe(
        'different given names: "Anna Kovalenko" vs "Olena Kovalenko"',
      );
      expect(
        scoreCandidate(person("a", ["Recep Erdoğan"]), person("b", ["Recep Tayyip Erdoğan", "Tayyip Erdoğan"])),
      ).toMatchObject({
        score: 0.9,
        contradiction: null,
      });
    });

    it("do not take short given names that differ by a vowel for variants", () => {
      expect(scoreCandidate(person("a", ["Tim Hall"]), person("b", ["Tom Hall"])).contradiction).toBe(
        'different given names: "Tim Hall" vs "Tom Hall"',
      );
      expect(scoreCandidate(person("a", ["Julia Tymoshenko"]), person("b", ["Yulia Tymoshenko"])).score).toBe(0.88);
    });

    it("find no name in common between different surnames, even near ones", () => {
      expect(scoreCandidate(person("a", ["Taras Shevchuk"]), person("b", ["Taras Shevchenko"]))).toEqual({
        score: 0,
        reasons: ["no name in common"],
        contradiction: null,
      });
    });
  });

  describe("states", () => {
    const georgia: EntityProfile = { id: "state:georgia", label: "State", names: ["Georgia"], isoCode: "GE" };

    it("are near-certain with the same ISO code, whatever their names", () => {
      const turkey: EntityProfile = { id: "state:new", label: "State", names: ["Turkey"], isoCode: "tr" };
      const turkiye: EntityProfile = { id: "state:turkiye", label: "State", names: ["Türkiye"], isoCode: "TR" };
      expect(scoreCandidate(turkey, turkiye)).toEqual({
        score: 0.98,
        reasons: ['name "Turkey" ~ "Türkiye" (transliteration variant)', "same ISO code TR"],
        contradiction: null,
      });
    });

    it("contradict with another ISO code, even under the same name", () => {
      const usGeorgia: EntityProfile = { id: "state:new", label: "State", names: ["Georgia"], isoCode: "US-GA" };
      expect(scoreCandidate(usGeorgia, georgia)).toEqual({
        score: 0,
        reasons: ['name "Georgia" = "Georgia" (same name)'],
        contradiction: "different ISO codes: US-GA vs GE",
      });
    });
  });

  describe("organizations", () => {
    const org = (id: string, name: string, states?: string[]): EntityProfile => ({
      id,
      label: "Organization",
      names: [name],
      ...(states ? { states } : {}),
    });

    it("contradict when part of different states", () => {
      expect(
        scoreCandidate(org("a", "Ukrainian delegation", ["state:ua"]), org("b", "Russian delegation", ["state:ru"]))
          .contradiction,
      ).toBe("part of different states: state:ua vs state:ru");
    });

    it("share little when only a generic word is shared", () => {
      expect(scoreCandidate(org("a", "Ukrainian delegation"), org("b", "Russian delegation")).score).toBe(0.283);
    });

    it("take an acronym for the words it stands for, below the merge threshold alone", () => {
      expect(scoreCandidate(org("a", "NATO"), org("b", "North Atlantic Treaty Organization"))).toEqual({
        score: 0.82,
        reasons: ['name "NATO" ~ "North Atlantic Treaty Organization" (acronym)'],
        contradiction: null,
      });
    });
  });

  describe("venues", () => {
    const venue = (id: string, name: string, more: Partial<EntityProfile>): EntityProfile => ({
      id,
      label: "Venue",
      names: [name],
      ...more,
    });

    it("add a shared place and kind to a transliterated name", () => {
      const more = { kind: "building", locatedIn: ["venue:istanbul"] };
      expect(scoreCandidate(venue("a", "Chiragan Palace", more), venue("b", "Ciragan Palace", more))).toEqual({
        score: 0.98,
        reasons: [
          'name "Chiragan Palace" ~ "Ciragan Palace" (transliteration variant)',
          "same kind: building",
          "located in the same place: venue:istanbul",
        ],
        contradiction: null,
      });
    });

    it("contradict on clearly incompatible kinds only", () => {
      expect(
        scoreCandidate(venue("a", "Dnipro", { kind: "city" }), venue("b", "Dnipro", { kind: "waterway" }))
          .contradiction,
      ).toBe("incompatible kinds: city vs waterway");
      expect(
        scoreCandidate(venue("a", "Istanbul", { kind: "city" }), venue("b", "Istanbul", { kind: "building" }))
          .contradiction,
      ).toBe("incompatible kinds: city vs building");
      expect(
        scoreCandidate(venue("a", "Istanbul", { kind: "city" }), venue("b", "Istanbul", { kind: "region" }))
          .contradiction,
      ).toBeNull();
    });

    it("contradict in different states or places, both known", () => {
      expect(
        scoreCandidate(venue("a", "Paris", { states: ["state:fr"] }), venue("b", "Paris", { states: ["state:us"] }))
          .contradiction,
      ).toBe("in different states: state:fr vs state:us");
      expect(
        scoreCandidate(
          venue("a", "Palace of Nations", { locatedIn: ["venue:geneva"] }),
          venue("b", "Palace of Nations", { locatedIn: ["venue:kyiv"] }),
        ).contradiction,
      ).toBe("located in different places: venue:geneva vs venue:kyiv");
      expect(scoreCandidate(venue("a", "Paris", { states: ["state:fr"] }), venue("b", "Paris", {})).score).toBe(0.9);
    });
  });

  describe("events", () => {
    it("take a day within the other's month, at the same venue", () => {
      expect(
        scoreCandidate(event("a", "Geneva talks", "2025-05-16"), event("b", "Geneva talks", "2025-05-01", "MONTH")),
      ).toEqual({
        score: 1,
        reasons: [
          'name "Geneva talks" = "Geneva talks" (same name)',
          "date 2025-05-16 (DAY) lies within 2025-05 (MONTH)",
          "same venue: venue:villa-lumen",
        ],
        contradiction: null,
      });
    });

    it("contradict on a day outside the other's month, and on two different days", () => {
      expect(
        scoreCandidate(event("a", "Geneva talks", "2025-05-16"), event("b", "Geneva talks", "2025-06-01", "MONTH"))
          .contradiction,
      ).toBe("different dates: 2025-05-16 (DAY) vs 2025-06 (MONTH)");
      expect(
        scoreCandidate(event("a", "Geneva talks", "2025-05-16"), event("b", "Geneva talks", "2025-01-01", "YEAR"))
          .contradiction,
      ).toBeNull();
      expect(
        scoreCandidate(event("a", "Geneva talks", "2024-01-01", "YEAR"), event("b", "Geneva talks", "2025-05-16"))
          .contradiction,
      ).toBe("different dates: 2024 (YEAR) vs 2025-05-16 (DAY)");
    });

    it("never take the first round for the second at the same venue", () => {
      const first = event("event:first", "First round of talks at Villa Lumen", "2025-03-04");
      const second = event("event:second", "Second round of talks at Villa Lumen", "2025-03-18");
      expect(scoreCandidate(second, first)).toEqual({
        score: 0,
        reasons: [
          'name "Second round of talks at Villa Lumen" ~ "First round of talks at Villa Lumen" ' +
            "(words in common: round, talks, villa, lumen; similarity 0.75)",
          "same venue: venue:villa-lumen",
        ],
        contradiction:
          "different ordinals or numbers in the names: 2 vs 1; different dates: 2025-03-18 (DAY) vs 2025-03-04 (DAY)",
      });
      const undated = { ...second, date: null };
      expect(scoreCandidate(undated, { ...first, date: null }).contradiction).toBe(
        "different ordinals or numbers in the names: 2 vs 1",
      );
    });

    it("score names of the same words in another order as well as a variant", () => {
      const a = event("a", "First round of talks in Istanbul", "2025-05-16");
      const b = event("b", "Istanbul talks, 1st round", "2025-05-16");
      expect(scoreCandidate(a, b).reasons[0]).toBe(
        'name "First round of talks in Istanbul" ~ "Istanbul talks, 1st round" (same words)',
      );
      expect(scoreCandidate({ ...a, venues: [] }, { ...b, date: null }).score).toBe(0.88);
    });

    it("contradict when held at different venues, and add shared participants", () => {
      const at = (venue: string, participants?: string[]): EntityProfile => ({
        id: venue,
        label: "Event",
        names: ["Peace summit"],
        venues: [venue],
        ...(participants ? { participants } : {}),
      });
      expect(scoreCandidate(at("venue:burgenstock"), at("venue:jeddah")).contradiction).toBe(
        "held at different venues: venue:burgenstock vs venue:jeddah",
      );
      expect(
        scoreCandidate(at("venue:jeddah", ["person:a", "person:b"]), at("venue:jeddah", ["person:b"])).reasons,
      ).toEqual([
        'name "Peace summit" = "Peace summit" (same name)',
        "same venue: venue:jeddah",
        "shared participants: person:b",
      ]);
    });
  });
});

describe("rules added for the multi-source fixtures", () => {
  it("takes given names that differ only in their first vowel (Oleksandr, Alexander) for one name", () => {
    const incoming = { id: "person:a", label: "Person" as const, names: ["Alexander Kovaltchuk"] };
    const existing = { id: "person:b", label: "Person" as const, names: ["Oleksandr Kovalchuk"] };
    expect(scoreCandidate(incoming, existing)).toMatchObject({ contradiction: null });
    expect(scoreCandidate(incoming, existing).score).toBeGreaterThanOrEqual(0.85);
    const olena = { id: "person:c", label: "Person" as const, names: ["Olena Kovalenko"] };
    const elena = { id: "person:d", label: "Person" as const, names: ["Elena Kovalenko"] };
    expect(scoreCandidate(olena, elena).contradiction).not.toBeNull();
  });

  it("merges one numbered occasion told with other words: same venue, dates alike, shared participants", () => {
    const incoming = {
      id: "event:water-talks-first-round",
      label: "Event" as const,
      names: ["First round of the Dravenia-Solvaria water negotiations"],
      venues: ["venue:villa-lumen"],
      participants: ["state:xd", "state:xs"],
      date: { date: "2025-03-04", precision: "DAY" as const },
    };
    const existing = {
      ...incoming,
      id: "event:tavra-talks-first-round",
      names: ["First round of the Tavra water talks"],
      participants: ["state:xd", "state:xs", "person:kovalchuk"],
    };
    expect(scoreCandidate(incoming, existing).score).toBe(0.86);
    expect(scoreCandidate(incoming, { ...existing, participants: ["state:other"] }).score).toBeLessThan(0.85);
    expect(scoreCandidate(incoming, { ...existing, names: ["Second round of the Tavra water talks"] }).score).toBe(0);
  });

  it("takes a place named with or without the word for what it is for one place", () => {
    const river = { id: "venue:a", label: "Venue" as const, names: ["River Tavra"], kind: "waterway" };
    const bare = { id: "venue:b", label: "Venue" as const, names: ["Tavra"], kind: "waterway" };
    expect(scoreCandidate(bare, river).score).toBeGreaterThanOrEqual(0.85);
    const hotel = { id: "venue:c", label: "Venue" as const, names: ["Hotel Lumen"], kind: "building" };
    const villa = { id: "venue:d", label: "Venue" as const, names: ["Villa Lumen"], kind: "building" };
    expect(scoreCandidate(hotel, villa).score).toBeLessThan(0.85);
  });
});
