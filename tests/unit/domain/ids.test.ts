// Readable ids: slugs of names and titles, numbered without gaps like namesakes.
import { baseId, firstFreeId, slugify, statementSlugBasis } from "../../../src/domain/ids";

describe("slugs", () => {
  it("fold accents and special letters to ASCII words joined by hyphens", () => {
    expect(slugify("Çırağan Palace")).toBe("ciragan-palace");
    expect(slugify("  Łódź & Straße — 2025! ")).toBe("lodz-strasse-2025");
    expect(slugify("Владимир Путин")).toBe("");
  });

  it("are cut at a word after 60 characters", () => {
    const long = "the delegations agreed to meet again in Istanbul after the holiday weekend and then";
    const slug = slugify(long);
    expect(slug).toBe("the-delegations-agreed-to-meet-again-in-istanbul-after-the");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slugify("a".repeat(70))).toBe("a".repeat(60));
  });

  it("make ids with the label's prefix, 'unnamed' when nothing is left", () => {
    expect(baseId("Venue", "Çırağan Palace")).toBe("venue:ciragan-palace");
    expect(baseId("Organization", "The Kremlin")).toBe("organization:the-kremlin");
    expect(baseId("Person", "!!!")).toBe("person:unnamed");
  });

  it("of a statement start with the speaker's last name word and the first six words said", () => {
    expect(statementSlugBasis("person:jane-doe", "We will sign on Friday, she said, in Geneva")).toBe(
      "doe we will sign on friday she",
    );
    expect(baseId("Statement", statementSlugBasis("person:jane-roe", "The talks will resume next week"))).toBe(
      "statement:roe-the-talks-will-resume-next-week",
    );
    expect(statementSlugBasis("", "Yes")).toBe(" yes");
  });
});

describe("numbering", () => {
  it("keeps the base id while it is free", () => {
    expect(firstFreeId("person:jane-doe", new Set())).toBe("person:jane-doe");
    expect(firstFreeId("person:jane-doe", new Set(["person:jane-doe-2"]))).toBe("person:jane-doe");
  });

  it("takes the first free number from 2, filling gaps", () => {
    expect(firstFreeId("person:jane-doe", new Set(["person:jane-doe"]))).toBe("person:jane-doe-2");
    const taken = new Set(["person:jane-doe", "person:jane-doe-2", "person:jane-doe-4"]);
    expect(firstFreeId("person:jane-doe", taken)).toBe("person:jane-doe-3");
  });

  it("numbers 20 namesakes 1 to 20 when each takes the id the last left free", () => {
    const taken = new Set<string>();
    for (let i = 0; i < 20; i++) taken.add(firstFreeId("person:race-condition", taken));
    const expected = Array.from({ length: 20 }, (_, i) => `person:race-condition${i === 0 ? "" : `-${i + 1}`}`);
    expect([...taken]).toEqual(expected);
  });
});
