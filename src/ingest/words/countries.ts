// States by every name a report uses for them: the common and official name, other spellings, the capital standing
// for the government ("Moscow has insisted"), and the demonym before a title ("Ukrainian President"). Data from
// the maintained world-countries package (ISO 3166 codes, capitals, demonyms).
import countries from "world-countries";
import { nameKey } from "../../domain/names";

export interface StateName {
  name: string;
  isoCode: string;
}

type By = "name" | "capital" | "demonym";

const byKey = new Map<string, { state: StateName; by: By }>();

// Usual English names where the package's common name is not the one a wire report uses.
const PREFERRED: Record<string, string> = {
  US: "United States",
  GB: "United Kingdom",
  RU: "Russia",
  KR: "South Korea",
};
// Names a report uses that the package does not list.
const EXTRA: Record<string, string[]> = {
  US: ["U.S.", "America", "the United States", "Washington"],
  GB: ["Britain", "UK", "U.K.", "London"],
  KP: ["North Korea", "Pyongyang"],
  KR: ["South Korea", "Seoul"],
  TR: ["Turkey", "Türkiye", "Ankara"],
  CZ: ["Czech Republic", "Czechia"],
  VA: ["the Vatican", "Holy See"],
};

for (const c of countries) {
  if (!c.independent && c.cca2 !== "PS" && c.cca2 !== "TW" && c.cca2 !== "XK") continue;
  const state = { name: PREFERRED[c.cca2] ?? c.name.common, isoCode: c.cca2 };
  const add = (text: string | undefined, by: By) => {
    const key = text ? nameKey(text) : "";
    if (key && !byKey.has(key)) byKey.set(key, { state, by });
  };
  add(state.name, "name");
  add(c.name.common, "name");
  add(c.name.official, "name");
  for (const alt of c.altSpellings) if (alt.length > 3) add(alt, "name");
  for (const extra of EXTRA[c.cca2] ?? []) add(extra, "name");
  for (const capital of c.capital ?? []) add(capital.replace(/ D\.C\.$/, ""), "capital");
  add(c.demonyms?.eng?.m, "demonym");
  add(c.demonyms?.eng?.f, "demonym");
}

/** The state a name, capital or demonym stands for, and which of the three it is. */
export function stateNamed(text: string): { state: StateName; by: By } | undefined {
  return byKey.get(nameKey(text));
}

/** ISO codes of the states a text names by name, capital or demonym ("Poland's", "Ukrainian", "Kyiv"). */
export function isoCodesNamedIn(text: string): string[] {
  const codes = new Set<string>();
  for (const m of text.matchAll(/\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}/gu)) {
    const words = m[0].replace(/[’']s$/u, "").split(/\s+/);
    // Every run of consecutive words: "United States", "South Korea", "Ukraine".
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= words.length; j++) {
        const state = stateNamed(
          words
            .slice(i, j)
            .join(" ")
            .replace(/[’']s$/u, ""),
        );
        if (state) codes.add(state.state.isoCode);
      }
    }
  }
  return [...codes].sort();
}
