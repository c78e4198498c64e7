// What a statement's attribution says besides its speaker: when (the README's date rules), where (a venue), at what
// occasion (an event), and which entities its words name.
import type { Entity, Mention, Register } from "../entities/entities";
import type { ExtractedStatement } from "../extract";
import { EVENT, type Site } from "../text/patterns";
import { datesIn, widened, type SaidOn } from "./saidOn";

/** Date and venue from the attribution's own words, else the rules of the README (present tense, carried dates). */
export function dateAndPlace(
  statement: ExtractedStatement,
  site: Site | undefined,
  text: string,
  publishedOn: string,
  register: Register,
  earlier: readonly ExtractedStatement[],
): void {
  let date: SaidOn | undefined;
  if (site) {
    const words = attributionWords(text, statement, site);
    const found = datesIn(words, publishedOn)[0];
    if (found) date = found;
    else if (site.perfect) date = undefined;
    else if (site.tense === "present") date = { saidOn: publishedOn, datePrecision: "DAY" };
    else {
      const same = [...earlier].reverse().find((e) => e.speaker === statement.speaker && e.saidOn);
      if (same && text.slice(same.evidence[0]!.start, statement.evidence[0]!.start).split(/\n\s*\n|\n/).length <= 3) {
        date = widened({ saidOn: same.saidOn!, datePrecision: same.datePrecision! });
      }
    }
    const venue = /\b(?:in|at)\s+((?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*)/u.exec(words);
    if (venue) {
      const entity = register.find(venue[1]!.replace(/^the\s+/, ""));
      if (entity && entity.type === "venue") statement.venue = entity;
    }
    // "at the NATO summit", "on the sidelines of the Munich Security Conference": a named occasion.
    const occasion = EVENT.exec(words);
    if (occasion && /\p{Lu}/u.test(occasion[1]!.split(/\s+/).slice(0, -1).join(" "))) {
      const name = occasion[1]!.replace(/\s+/g, " ");
      statement.event = register.find(name, "event") ?? register.register("event", name);
    }
  } else {
    const same = [...earlier].reverse().find((e) => e.speaker === statement.speaker && e.saidOn);
    if (same) date = widened({ saidOn: same.saidOn!, datePrecision: same.datePrecision! });
  }
  if (date) {
    statement.saidOn = date.saidOn;
    statement.datePrecision = date.datePrecision;
  }
}

/** The attribution's words without the quotation or the reported clause's own content after the cue. */
function attributionWords(text: string, statement: ExtractedStatement, site: Site): string {
  const slice = text.slice(site.around.start, site.around.end);
  if (statement.kind === "DIRECT_QUOTE") {
    // Blank out the quoted words, keep the rest (offsets are not needed here).
    let out = slice;
    for (const p of statement.parts) {
      if (p.start >= site.around.start && p.end <= site.around.end) {
        out =
          out.slice(0, p.start - site.around.start) +
          " ".repeat(p.end - p.start) +
          out.slice(p.end - site.around.start);
      }
    }
    return out;
  }
  // Reported: the speaker, the cue and the few words after it ("said on Sunday that"), or a leading "On Sunday,".
  const cueAt = slice.indexOf(site.cue, site.phraseAt - site.around.start);
  const lead = /^(?:On|Late|Early|Last|In)\s+[^,\s][^,]*,/.exec(slice)?.[0] ?? "";
  const tail =
    cueAt >= 0 ? slice.slice(Math.max(0, site.phraseAt - site.around.start), cueAt + site.cue.length + 25) : "";
  const upToThat = tail.split(/\bthat\b/)[0] ?? tail;
  return `${lead} ${upToThat}`;
}

/** Entities named inside the statement's words (for reported speech, after its speaker). */
export function mentionsIn(statement: ExtractedStatement, register: Register): Entity[] {
  const out: Entity[] = [];
  for (const e of register.entities) {
    if (e === statement.speaker || (e.type === "venue" && e === statement.venue)) continue;
    if (e.mentions.some((m: Mention) => statement.parts.some((p) => m.start >= p.start && m.end <= p.end))) out.push(e);
  }
  return out;
}
