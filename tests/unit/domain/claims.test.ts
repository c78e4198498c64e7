import { chooseDate, chooseValues, datesCompatible, type SourceClaims } from "../../../src/domain/claims";

const claim = (sourceId: string, publishedOn: string, values: Partial<SourceClaims> = {}): SourceClaims => ({
  sourceId,
  publishedOn,
  id: "event:talks",
  name: "Talks",
  aliases: [],
  fromSource: true,
  ...values,
});

describe("dates of several sources", () => {
  it("knows a day inside a month, a month inside a year, and two different days apart", () => {
    expect(datesCompatible({ date: "2025-05-16", precision: "DAY" }, { date: "2025-05-01", precision: "MONTH" })).toBe(
      true,
    );
    expect(datesCompatible({ date: "2025-05-01", precision: "MONTH" }, { date: "2025-01-01", precision: "YEAR" })).toBe(
      true,
    );
    expect(datesCompatible({ date: "2025-05-16", precision: "DAY" }, { date: "2025-06-01", precision: "MONTH" })).toBe(
      false,
    );
    expect(datesCompatible({ date: "2025-05-16", precision: "DAY" }, { date: "2025-05-17", precision: "DAY" })).toBe(
      false,
    );
  });

  it("chooses the most precise date consistent with the others, whatever the order", () => {
    const month = claim("source:a", "2025-06-02", { date: "2025-05-01", datePrecision: "MONTH" });
    const day = claim("source:b", "2025-06-03", { date: "2025-05-16", datePrecision: "DAY" });
    expect(chooseDate([month, day])).toEqual({ date: "2025-05-16", precision: "DAY" });
    expect(chooseDate([day, month])).toEqual({ date: "2025-05-16", precision: "DAY" });
  });

  it("takes the most corroborated of contradicting days, then the newest source's", () => {
    const a = claim("source:a", "2025-03-01", { date: "2025-02-27", datePrecision: "DAY" });
    const b = claim("source:b", "2025-03-02", { date: "2025-02-28", datePrecision: "DAY" });
    const c = claim("source:c", "2025-03-03", { date: "2025-02-27", datePrecision: "DAY" });
    expect(chooseDate([a, b, c])).toEqual({ date: "2025-02-27", precision: "DAY" });
    expect(chooseDate([a, b])).toEqual({ date: "2025-02-28", precision: "DAY" });
  });
});

describe("the values an entity shows", () => {
  it("keeps every spelling as an alias, names it as most sources do, and keeps the earliest source's id", () => {
    const seed = claim("source:seed", "2025-06-02", {
      id: "person:volodymyr-zelenskyy",
      name: "Volodymyr Zelenskyy",
      aliases: ["Zelenskyy"],
    });
    const later = claim("source:later", "2025-06-03", {
      id: "person:volodymyr-zelensky",
      name: "Volodymyr Zelensky",
      aliases: ["Volodymyr Zelenskyy"],
    });
    const chosen = chooseValues([later, seed])!;
    expect(chosen.id).toBe("person:volodymyr-zelenskyy");
    expect(chosen.name).toBe("Volodymyr Zelenskyy");
    expect(chosen.aliases).toEqual(["Zelenskyy", "Volodymyr Zelensky"]);
    expect(chooseValues([seed, later])).toEqual(chosen);
  });

  it("takes the newest source's description when as many sources say each", () => {
    const a = claim("source:a", "2025-03-01", { description: "Old" });
    const b = claim("source:b", "2025-03-05", { description: "New" });
    expect(chooseValues([a, b])!.props.description).toBe("New");
    expect(chooseValues([b, a])!.props.description).toBe("New");
  });

  it("lets a curator's value win over every source", () => {
    const a = claim("source:a", "2025-03-01", {
      description: "From a source",
      date: "2025-03-01",
      datePrecision: "DAY",
    });
    const chosen = chooseValues([a], { description: "Curated", date: "2025-02-01", datePrecision: "MONTH" })!;
    expect(chosen.props).toMatchObject({ description: "Curated", date: "2025-02-01", datePrecision: "MONTH" });
  });

  it("has nothing to choose without claims", () => {
    expect(chooseValues([])).toBeNull();
  });
});
