// Adds the answers of the Wikinews interviews to their annotations, from GUM's own turn annotation (the `turns` of
// NEWS_DIR/wikinews/index.jsonl: offsets and a speaker id per turn). An answer is the interviewee's words given
// verbatim, so each paragraph of an interviewee's turn is a quotation of theirs (`marks: "none"`, `cue: "none"`),
// as the answers of Global Voices' interviews were annotated from the start (tests/gold/news/annotations/README.md).
// The interviewer is the speaker whose turns are questions. Mechanical and idempotent: run it again and nothing
// changes; it reads no extractor output, so it applies to held-out texts as to tuning ones.
//
//   npx tsx scripts/news-interview-answers.ts
import fs from "node:fs";
import path from "node:path";
import { ANNOTATIONS_DIR, annotationSchema, SECOND_PASS_DIR, type Annotation } from "./news-corpus";
import { newsDir } from "./news-split";

interface Turn {
  speaker: string;
  start: number;
  end: number;
}

const NOTE = "interview answer (GUM turn)";

function turnsByFile(): Map<string, Turn[]> {
  const index = path.join(newsDir(), "wikinews/index.jsonl");
  const out = new Map<string, Turn[]>();
  for (const line of fs.readFileSync(index, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { file: string; turns?: Turn[] };
    if (row.turns?.length) out.set(`wikinews/${row.file}`, row.turns);
  }
  return out;
}

/** The speaker whose turns end with a question mark most often. */
function interviewer(text: string, turns: readonly Turn[]): string {
  const questions = new Map<string, number>();
  for (const t of turns) {
    const asks = text.slice(t.start, t.end).trimEnd().endsWith("?") ? 1 : 0;
    questions.set(t.speaker, (questions.get(t.speaker) ?? 0) + asks);
  }
  return [...questions].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The name as the text writes it: GUM's id is the name without spaces ("HughMcGuire", "MarioJLucero"). */
function nameInText(text: string, id: string): string {
  const key = id.toLowerCase();
  for (const m of text.matchAll(/\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}/gu)) {
    const words = m[0].split(/\s+/);
    for (let from = 0; from < words.length; from++)
      for (let to = words.length; to > from; to--) {
        const name = words.slice(from, to).join(" ").replace(/[.,]$/, "");
        if (name.replace(/[\s.'’-]/g, "").toLowerCase() === key) return name;
      }
  }
  return id.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
}

/** Each paragraph of a turn, without edge spaces. */
function paragraphsOfTurn(text: string, turn: Turn): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\r\n]+/g;
  const slice = text.slice(turn.start, turn.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ start: turn.start + m.index + lead, end: turn.start + m.index + lead + body.length });
  }
  return out;
}

function addAnswers(annotation: Annotation, text: string, turns: readonly Turn[]): number {
  const asker = interviewer(text, turns);
  const have = new Set(annotation.quotes.map((q) => `${q.start}-${q.end}`));
  let added = 0;
  for (const turn of turns) {
    if (turn.speaker === asker) continue;
    const speaker = nameInText(text, turn.speaker);
    for (const p of paragraphsOfTurn(text, turn)) {
      if (have.has(`${p.start}-${p.end}`)) continue;
      have.add(`${p.start}-${p.end}`);
      annotation.quotes.push({ ...p, speaker, speakerType: "person", cue: "none", marks: "none", note: NOTE });
      added++;
    }
  }
  annotation.quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  return added;
}

function main(): void {
  const turns = turnsByFile();
  for (const dir of [ANNOTATIONS_DIR, SECOND_PASS_DIR]) {
    const folder = path.join(dir, "wikinews");
    for (const name of fs.readdirSync(folder).filter((f) => f.startsWith("GUM_interview_"))) {
      const file = path.join(folder, name);
      const annotation = annotationSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
      const ofText = turns.get(annotation.file);
      if (!ofText) continue;
      const text = fs.readFileSync(path.join(newsDir(), annotation.file), "utf8");
      const added = addAnswers(annotation, text, ofText);
      fs.writeFileSync(file, `${JSON.stringify(annotation, null, 2)}\n`);
      console.log(`${path.relative(process.cwd(), file)}: ${added} answer paragraphs added`);
    }
  }
}

main();
