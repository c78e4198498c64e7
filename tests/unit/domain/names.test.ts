// Name folding: names and aliases as keys without case or accents, so "Çırağan" and "ciragan" are one key.
import { nameKey, nameKeys } from "../../../src/domain/names";

describe("name keys", () => {
  it.each([
    ["Çırağan Palace", "ciragan palace"],
    ["Recep Tayyip Erdoğan", "recep tayyip erdogan"],
    ["naïve café", "naive cafe"],
    ["İstanbul", "istanbul"],
    ["IŞIK", "isik"],
    ["Volodymyr  ZELENSKYY", "volodymyr zelenskyy"],
  ])("fold case and accents: %j → %j", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it.each([
    ["Søren Kierkegaard", "soren kierkegaard"],
    ["Straße", "strasse"],
    ["Łódź", "lodz"],
    ["Đorđe", "dorde"],
    ["Æther Œuvre Þing", "aether oeuvre thing"],
    ["ÆØ", "aeo"],
    ["ﬁnance", "finance"],
  ])("spell out letters that have no accent to drop: %j → %j", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it("make words of letters and digits only, in any script", () => {
    expect(nameKey("Jean-Pierre O'Neil")).toBe("jean pierre o neil");
    expect(nameKey("Ελλάδα")).toBe("ελλαδα");
    expect(nameKey("Москва")).toBe("москва");
    expect(nameKey("東京 2025")).toBe("東京 2025");
    expect(nameKey("  --  ")).toBe("");
  });

  it("are deduplicated and empty keys dropped for a name with its aliases", () => {
    expect(nameKeys(["Doe", "doe", "DOE ", "*", "Jane Doe"])).toEqual(["doe", "jane doe"]);
    expect(nameKeys([])).toEqual([]);
  });
});
