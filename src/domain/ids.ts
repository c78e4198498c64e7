// Readable, stable ids: a label's prefix and a slug of a name or title (venue:ciragan-palace), numbered like a
// reader numbers namesakes (person:jane-doe-2). Pure: the caller says which ids are taken.
import { nameKey } from "./names";
import { prefixOf, type Label } from "./labels";

const MAX_SLUG = 60;

/** "Çırağan Palace" → "ciragan-palace": the folded name key, ASCII letters and digits only, cut at a word. */
export function slugify(text: string): string {
  const slug = nameKey(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-/, "");
  return cutSlug(slug.endsWith("-") ? slug.slice(0, -1) : slug);
}

function cutSlug(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG);
}

/** The id a new node would get from its name, before numbering: "person:jane-doe", or "person:unnamed". */
export function baseId(label: Label, basis: string): string {
  return `${prefixOf(label)}:${slugify(basis) || "unnamed"}`;
}

/** The base id if free, else the first of base-2, base-3, … that is: numbered without gaps. */
export function firstFreeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** "doe we will sign on friday": the speaker's last name word and the first words of what was said. */
export function statementSlugBasis(speaker: string, text: string): string {
  const speakerWord = speaker.split(":")[1]?.split("-").pop() ?? "";
  const words = slugify(text).split("-").slice(0, 6).join(" ");
  return `${speakerWord} ${words}`;
}
