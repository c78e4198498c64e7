// Lookup keys: the exact keys the graph already stores, plus skeleton keys on which spelling variants collide.
import { nameKeys } from "../../../../src/domain/names";
import { lookupKeys } from "../../../../src/domain/resolution";

const shareKey = (a: string[], b: string[]) => a.some((key) => b.includes(key));

describe("lookup keys", () => {
  it("start with the exact keys the loader stores, one per distinct folded name", () => {
    const names = ["Çırağan Palace", "Ciragan Palace", "Çırağan Sarayı"];
    const exact = nameKeys(names).map((key) => `venue|${key}`);
    expect(lookupKeys("Venue", names).slice(0, exact.length)).toEqual(exact);
    expect(exact).toEqual(["venue|ciragan palace", "venue|ciragan sarayi"]);
  });

  it("give a person the exact, whole-name skeleton and surname keys, without repeats", () => {
    expect(lookupKeys("Person", ["Volodymyr Zelenskyy", "Володимир Зеленський", "Zelensky"])).toEqual([
      "person|volodymyr zelenskyy",
      "person|володимир зеленськии",
      "person|zelensky",
      "person~vldmr zlnsk",
      "person~last~zlnsk",
      "person~zlnsk",
    ]);
  });

  it.each([
    ["Zelensky"],
    ["Zelenskyy"],
    ["Zelenskiy"],
    ["Zelenski"],
    ["Zelenskyi"],
    ["President Zelensky"],
    ["V. Zelensky"],
  ])("let %j find Volodymyr Zelenskyy by his surname", (name) => {
    expect(lookupKeys("Person", [name])).toContain("person~last~zlnsk");
    expect(shareKey(lookupKeys("Person", [name]), lookupKeys("Person", ["Volodymyr Zelenskyy"]))).toBe(true);
  });

  it.each([
    ["Person", ["Vladimir Medinsky"], ["Vladimir Medinskiy"]],
    ["Person", ["Rustem Umerov"], ["Rustem Umierov"]],
    ["Person", ["Recep Tayyip Erdogan"], ["Erdoğan"]],
    ["Venue", ["Chiragan Palace"], ["Çırağan Palace"]],
    ["Venue", ["Ciragan Palace"], ["Çırağan Palace"]],
    ["Event", ["First round of talks in Istanbul"], ["Istanbul talks, 1st round"]],
    ["Organization", ["NATO"], ["North Atlantic Treaty Organization"]],
    ["State", ["USA"], ["United States of America"]],
  ] as const)("make %s names %j and %j collide", (label, a, b) => {
    expect(shareKey(lookupKeys(label, a), lookupKeys(label, b))).toBe(true);
  });

  it("give other labels only the whole-name skeleton (sorted, no stop words): no key per generic word", () => {
    // A venue also has its name without the generic words, so "the Çırağan" finds the palace.
    expect(lookupKeys("Venue", ["Çırağan Palace"])).toEqual(["venue|ciragan palace", "venue~crgn plc", "venue~crgn"]);
    expect(lookupKeys("Venue", ["Çırağan"])).toEqual(["venue|ciragan", "venue~crgn"]);
    expect(lookupKeys("Event", ["Istanbul talks, first round"])).toEqual([
      "event|istanbul talks first round",
      "event~1 istnbl rnd tlks",
    ]);
  });

  it("skip skeletons of fewer than three letters, which would match too much", () => {
    expect(lookupKeys("Person", ["Xi"])).toEqual(["person|xi"]);
    expect(lookupKeys("Person", ["Anna"])).toEqual(["person|anna"]);
    expect(lookupKeys("Venue", ["Kyiv"])).toEqual(["venue|kyiv"]);
  });

  it("give states and organizations acronym keys, for names in capitals and the initials of longer names", () => {
    expect(lookupKeys("Organization", ["NATO"])).toEqual(["organization|nato", "organization~acronym~nato"]);
    expect(lookupKeys("Organization", ["European Union"])).toContain("organization~acronym~eu");
    expect(lookupKeys("Venue", ["European Union"]).some((key) => key.includes("acronym"))).toBe(false);
  });

  it("are empty for names of no letters", () => {
    expect(lookupKeys("Person", ["", "  --  "])).toEqual([]);
  });
});
