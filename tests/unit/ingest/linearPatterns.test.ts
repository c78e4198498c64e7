// No regular expression in src/ can backtrack super-linearly on what it is given: every literal in the source (read
// with the TypeScript parser) and every pattern the extractor composes at run time (recorded while it drafts the
// fixtures and hostile shapes) is checked with recheck. A pattern recheck calls polynomial is allowed only where it
// runs on a window of bounded length, named below with its bound; an exponential one never. recheck takes a few
// seconds a pattern, so its verdicts are kept in linearPatterns.checked.json by the pattern's text: a new or changed
// pattern is checked when the test runs (RECHECK_UPDATE=1 writes the new verdicts to the file).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { check } from "recheck";
import ts from "typescript";
import { projectRoot } from "../../../src/config";

/** Polynomial (or too slow for recheck to decide) but only ever given a bounded window: where, and how long. */
const BOUNDED: [string, string][] = [
  // src/ingest/attribution/attribution.ts: the words after or before a quotation, at most ATTRIBUTION_WINDOW.
  ["\\s+(?:in|on|at|to|after|before|during|from|when|while|late|early|last|yesterday|today)\\b.*$", "window"],
  [",|\\s+(?:has|have|had|was|is|were|are|said|says)\\b", "window"],
  ["\\s+(?:has|have|had|would|will|did|was|were)\\s*$", "window"],
  ["(?:\\s+(?:has|have|had|would|will|did|was|were))?(?:\\s+(?:also|later", "window"],
  [
    "((?:the\\s+)?[\\p{Lu}][\\p{L}’'-]*(?:\\s+(?:(?:al|el|ad|ar|as|ash|at|az)-)?[\\p{Lu}][\\p{L}’'-]*)*)" +
      "(?:\\s+\\([^()]{1,30}\\))?,\\s+(?:",
    "window",
  ],
  ["^([\\s,—–-]*)((?:\\S+\\s+){0,12}?)", "window"],
  ["\\bwith\\s+((?:the\\s+)?[\\p{Lu}]", "window"],
  ["^([\\s,—–-]*)((?:the\\s+)?[\\p{Lu}]", "window"],
  // src/ingest/attribution/speakerCandidates.ts: the name before a handle, in the 60 characters before it.
  [
    "(\\p{Lu}[\\p{L}’'-]+(?:\\s+(?:(?:de|da|do|dos|das|di|du|del|della|van|von|der|den|ter|bin|ibn|le|la)",
    "60 characters",
  ],
  // src/ingest/attribution/attribution.ts beforeSite's cue: the text before a quotation, at most ATTRIBUTION_WINDOW.
  ["(acknowledging|acknowledged|", "window (before a quotation) or a sentence of at most REPORTED_SENTENCE"],
  // src/ingest/attribution/reported.ts: one sentence of at most REPORTED_SENTENCE characters.
  [",\\s+((?:\\S+\\s+){0,6}?)", "REPORTED_SENTENCE"],
  ["(?:,\\s+|\\b(?:after|as|while|because|when|since|but|and)\\s+)(", "REPORTED_SENTENCE"],
  ["^([^,]{0,80},\\s+)((?:\\S+\\s+){0,6}?)", "REPORTED_SENTENCE"],
  ["^((?:the\\s+)?[\\p{Lu}][\\p{L}’'-]*(?:\\s+[\\p{Lu}][\\p{L}’'-]*)*|He|She)\\s+\\p{Ll}", "REPORTED_SENTENCE"],
  ["^\\S+(?:\\s+\\S+)*?\\s+(?:has|have)\\s", "REPORTED_SENTENCE"],
  // src/ingest/entities/entities.ts and mentions.ts: the few characters around a name (12 to 160).
  ["([\\p{Ll}-]+)[’']?\\s+$", "24 characters before a name"],
  ["([\\p{L}.]+)$", "12 characters before a full stop (src/ingest/text/layout.ts)"],
  ["(?:^|\\s)(\\p{Lu}{2,}(?:[ -]\\p{Lu}{2,})*)", "the dateline's first 160 characters"],
  ["((?:[\\p{Ll}-]+\\s+){1,3})$", "60 characters before a name"],
  ["^,\\s+(?:the\\s+|a\\s+|an\\s+)?", "100 characters after a name"],
  // src/ingest/text/patterns.ts EVENT: the words of one attribution (window) or one reported sentence.
  ["\\b(?:at|during|on the sidelines of)\\s+", "window or REPORTED_SENTENCE"],
  // Counted repetition recheck cannot decide in time; each repetition needs white space and a capital: linear.
  ["\\p{Lu}[\\p{L}\\p{M}’'.-]*(?:\\s+(?:(?:de|van|", "a name run of at most ten words"],
  // src/ingest/attribution/speakerCandidates.ts: 30 characters before a mention, 60 before a handle.
  ["\\b(?:acknowledging|acknowledged|", "30 characters before a mention"],
  // src/ingest/entities/introducers.ts: language tags and asides in the subject of an introduction (INTRO_READ, 240).
  ["\\[[^\\]]{0,40}\\]|\\([^)]{0,80}\\)", "the first 240 characters of a sentence"],
  ["\\s(?:(?:also|then|later|further|again|simply|quickly)\\s+)?(?:", "the first 240 characters of a sentence"],
  // Not user text: the output of neo4j-admin import and the driver's own messages.
  ["^\\(\\d\\/\\d\\)|COMPLETED", "neo4j-admin's output lines"],
  ["Connection acquisition timed out in", "the driver's error message"],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : sourceFiles(full);
    return d.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every regular-expression literal in src/, with where it is. */
function literals(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(path.join(projectRoot, "src"))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.set(text, `${path.relative(projectRoot, file)}:${line}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The patterns src/ composes with new RegExp() while the extractor drafts the fixtures and some hostile shapes. */
function composed(): Map<string, string> {
  const found = new Map<string, string>();
  const Native = RegExp;
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args: [string | RegExp, string?]) {
      const made = Reflect.construct(target, args) as RegExp;
      const at = new Error().stack?.split("\n")[2]?.trim() ?? "";
      if (at.includes(`${path.sep}src${path.sep}`) && !at.includes("node_modules"))
        found.set(`/${made.source}/${made.flags}`, at);
      return made;
    },
  });
  try {
    // Loaded with the recording constructor in place, so module-level patterns count too.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { ingestText } = require("../../../src/ingest/ingest") as typeof import("../../../src/ingest/ingest");
      const dir = path.join(projectRoot, "tests/fixtures/ingest");
      const texts = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
      texts.push("Then " + "A.".repeat(32) + ': "This is a long enough quotation here."', "Dr. A. B. Smith said: x.");
      for (const text of texts) ingestText(text, { publishedOn: "2025-06-02" });
    });
  } finally {
    globalThis.RegExp = Native;
  }
  return found;
}

const bounded = (pattern: string) => BOUNDED.find(([part]) => pattern.includes(part));

const VERDICTS = path.join(__dirname, "linearPatterns.checked.json");
type Verdict = "safe" | "polynomial" | "exponential" | "undecided";
const known: Record<string, Verdict> = fs.existsSync(VERDICTS) ? JSON.parse(fs.readFileSync(VERDICTS, "utf8")) : {};
const keyOf = (literal: string) => crypto.createHash("sha256").update(literal).digest("hex").slice(0, 24);

async function verdictOf(literal: string): Promise<Verdict> {
  const cached = known[keyOf(literal)];
  if (cached) return cached;
  const cut = literal.lastIndexOf("/");
  // Recording verdicts (RECHECK_UPDATE=1) gives recheck a minute a pattern: a loaded machine leaves none undecided.
  const timeout = process.env.RECHECK_UPDATE === "1" ? 60_000 : 5000;
  const result = await check(literal.slice(1, cut), literal.slice(cut + 1), { timeout });
  const verdict =
    result.status === "safe" ? "safe" : result.status === "vulnerable" ? result.complexity.type : "undecided";
  known[keyOf(literal)] = verdict;
  return verdict;
}

describe("regular expressions in src/", () => {
  it("none can backtrack super-linearly, except on a bounded window named here", async () => {
    const patterns = new Map([...literals(), ...composed()]);
    expect(patterns.size).toBeGreaterThan(100);
    const problems: string[] = [];
    const entries = [...patterns];
    // A few at a time: recheck's native checker runs beside this process.
    for (let i = 0; i < entries.length; i += 8) {
      await Promise.all(
        entries.slice(i, i + 8).map(async ([literal, where]) => {
          const verdict = await verdictOf(literal);
          if (verdict === "safe") return;
          if (verdict !== "exponential" && bounded(literal.slice(1, literal.lastIndexOf("/")))) return;
          problems.push(`${where}: ${verdict} ${literal.slice(0, 160)}`);
        }),
      );
    }
    if (process.env.RECHECK_UPDATE === "1") {
      const kept = Object.fromEntries(
        [...patterns.keys()]
          .map((p) => [keyOf(p), known[keyOf(p)]!])
          .filter(([, verdict]) => verdict !== "undecided")
          .sort(),
      );
      fs.writeFileSync(VERDICTS, `${JSON.stringify(kept, null, 2)}\n`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it("every bounded exception still names a pattern that exists", () => {
    const all = [...literals().keys(), ...composed().keys()];
    const unused = BOUNDED.filter(([part]) => !all.some((p) => p.includes(part))).map(([part]) => part);
    expect(unused).toEqual([]);
  });
});
