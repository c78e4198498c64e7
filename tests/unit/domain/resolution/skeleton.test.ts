// Skeletons: transliteration and spelling variants of a name word are one key; different words stay apart.
import { romanize, skeleton, spelling, variantKey } from "../../../../src/domain/resolution/skeleton";

describe("a word's skeleton", () => {
  it.each([
    [["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenski", "Zelenskyi", "Зеленський", "Зеленский"], "zlnsk"],
    [["Chiragan", "Ciragan", "Çırağan", "ÇIRAĞAN"], "crgn"],
    [["Medinsky", "Medinskiy", "Мединский"], "mdnsk"],
    [["Umerov", "Umierov", "Umerow", "Умєров"], "umrv"],
    [["Erdogan", "Erdoğan"], "erdgn"],
    [["Aleksandr", "Alexander"], "alksndr"],
    [["Yulia", "Julia", "Yuliia", "Юлія"], "il"],
    [["Dnipro", "Dnieper", "Dnepr"], "dnpr"],
  ])("is one for the spellings %j: %j", (spellings, expected) => {
    for (const spelling of spellings) expect([spelling, skeleton(spelling)]).toEqual([spelling, expected]);
  });

  it("spells each sound of a digraph with one letter", () => {
    expect(skeleton("Tschaikowsky")).toBe(skeleton("Chaikovsky"));
    expect(skeleton("Shchukin")).toBe(skeleton("Schukin"));
    expect(skeleton("Kharkiv")).toBe("hrkv");
    expect(skeleton("Philipp")).toBe("flp");
  });

  it("keeps the first letter, so names that differ there stay apart", () => {
    expect(skeleton("Olena")).toBe("oln");
    expect(skeleton("Elena")).toBe("eln");
    expect(skeleton("Anna")).toBe("an");
  });

  it("leaves words with digits as they are: numbers are not spellings", () => {
    expect(skeleton("2025")).toBe("2025");
    expect(skeleton("11")).toBe("11");
    expect(skeleton("G7")).toBe("g7");
  });

  it("romanizes Cyrillic in the usual English-language way, and leaves other scripts alone", () => {
    expect(romanize("володимир зеленськии")).toBe("volodimir zelenskii");
    expect(romanize("щука юрій")).toBe("shchuka yurii");
    expect(romanize("東京")).toBe("東京");
  });

  it("means a variant from three letters; below, the spelling with its vowels must agree", () => {
    expect([skeleton("Tom"), skeleton("Tim")]).toEqual(["tm", "tm"]);
    expect([variantKey("Tom"), variantKey("Tim")]).toEqual(["tom", "tim"]);
    expect([variantKey("Yulia"), variantKey("Julia")]).toEqual(["iulia", "iulia"]);
    expect([variantKey("Kyiv"), variantKey("Kiev")]).toEqual(["kiv", "kiev"]);
    expect(variantKey("Zelenskyy")).toBe("zlnsk");
    expect(spelling("Zelenskyy")).toBe("zelenski");
  });
});
