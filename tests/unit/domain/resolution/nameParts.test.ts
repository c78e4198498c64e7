// Names taken apart: a person's title, given names and surname; the numbers of a series; acronyms.
import {
  contentWords,
  expandedAcronym,
  numbersIn,
  personName,
  titleWords,
  words,
  writtenAcronym,
} from "../../../../src/domain/resolution/nameParts";

describe("a person's name", () => {
  it("has its leading titles apart, initials marked, and the last word as surname", () => {
    expect(personName("President V. Zelensky")).toEqual({
      written: "President V. Zelensky",
      title: ["president"],
      given: [{ text: "v", initial: true }],
      surname: "zelensky",
    });
    expect(personName("Foreign Minister Sergey Lavrov")).toMatchObject({
      title: ["foreign", "minister"],
      given: [{ text: "sergey", initial: false }],
      surname: "lavrov",
    });
    expect(personName("Secretary of State Rubio")).toMatchObject({ title: ["secretary"], given: [], surname: "rubio" });
    expect(personName("Mr Zelensky")).toMatchObject({ title: [], given: [], surname: "zelensky" });
    expect(personName("First Deputy Prime Minister Yulia Svyrydenko")).toMatchObject({
      title: ["first", "deputy", "prime", "minister"],
      given: [{ text: "yulia" }],
    });
  });

  it("keeps a surname that is also a title, and has no surname when it is only a title", () => {
    expect(personName("Martin Luther King")).toMatchObject({
      surname: "king",
      given: [{ text: "martin" }, { text: "luther" }],
    });
    expect(personName("King")).toMatchObject({ title: ["king"], given: [], surname: null });
    expect(personName("The President")).toMatchObject({ title: ["president"], surname: null });
  });

  it("leaves particles out of the given names", () => {
    expect(personName("Ursula von der Leyen")).toMatchObject({ given: [{ text: "ursula" }], surname: "leyen" });
  });

  it("is read in Latin letters from Cyrillic", () => {
    expect(personName("Володимир Зеленський")).toMatchObject({ given: [{ text: "volodimir" }], surname: "zelenskii" });
  });
});

describe("the words of a name", () => {
  it("are folded and romanised; for comparison without stop words and with ordinals as numbers", () => {
    expect(words("First round of talks in İstanbul")).toEqual(["first", "round", "of", "talks", "in", "istanbul"]);
    expect(contentWords("First round of talks in İstanbul")).toEqual(["1", "round", "talks", "istanbul"]);
    expect(contentWords("Istanbul talks, 2nd round")).toEqual(["istanbul", "talks", "2", "round"]);
    expect(titleWords("First Deputy Minister of Foreign Affairs")).toEqual([
      "first",
      "deputy",
      "minister",
      "foreign",
      "affairs",
    ]);
    expect(contentWords("The")).toEqual([]);
  });

  it("give the numbers that tell one of a series from the next", () => {
    expect(numbersIn("Second round of talks")).toEqual([2]);
    expect(numbersIn("Talks, round 2")).toEqual([2]);
    expect(numbersIn("3rd Ukraine Recovery Conference 2025")).toEqual([3, 2025]);
    expect(numbersIn("Istanbul talks")).toEqual([]);
  });
});

describe("acronyms", () => {
  it("are names written in capitals, dots allowed", () => {
    expect(writtenAcronym("NATO")).toBe("nato");
    expect(writtenAcronym("U.N.")).toBe("un");
    expect(writtenAcronym("Nato")).toBeNull();
    expect(writtenAcronym("NORTHATLANTIC")).toBeNull();
  });

  it("are what longer names stand for, stop words skipped", () => {
    expect(expandedAcronym("North Atlantic Treaty Organization")).toBe("nato");
    expect(expandedAcronym("United States of America")).toBe("usa");
    expect(expandedAcronym("Ukraine")).toBeNull();
  });
});
