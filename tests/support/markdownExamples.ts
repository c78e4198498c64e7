// The code examples of the README and the guides in docs/: every fenced block with its language, where it is, and
// its marker. A marker is an HTML comment on the line right above the fence, `<!-- example: syntax-only (why) -->`,
// for a block that must not run in the tests (it installs, starts the server, runs for minutes); such a block is
// checked for its syntax only. Any other `<!-- example: … -->` comment is a mistake the examples test reports.
import fs from "node:fs";
import path from "node:path";

export type Marker = "syntax-only";

export interface Example {
  /** The Markdown file, relative to the project. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's info string, lower-cased (`graphql`, `sh`, … or `` for none). */
  lang: string;
  code: string;
  marker?: { kind: Marker; reason: string };
}

export interface MarkdownExamples {
  examples: Example[];
  /** Markers that name no known kind, give no reason, or stand above no fence: `file:line: what is wrong`. */
  problems: string[];
}

const FENCE = /^( *)(`{3,})\s*([\w-]*)\s*$/;
const MARKER_COMMENT = /^\s*<!--\s*example:/;
const MARKER = /^\s*<!--\s*example:\s*([\w-]+)\s+\(([^)]+)\)\s*-->\s*$/;
const KNOWN_MARKERS: readonly string[] = ["syntax-only"];

/** The fenced blocks of one Markdown text; `file` names it in the results. */
export function extractExamples(file: string, markdown: string): MarkdownExamples {
  const lines = markdown.split("\n");
  const examples: Example[] = [];
  const problems: string[] = [];
  let pending: { kind: Marker; reason: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const open = FENCE.exec(line);
    if (open) {
      const indent = open[1]?.length ?? 0;
      const ticks = open[2] ?? "```";
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const close = FENCE.exec(lines[j] ?? "");
        if (close && close[3] === "" && (close[2]?.length ?? 0) >= ticks.length) break;
        body.push((lines[j] ?? "").slice(Math.min(indent, leadingSpaces(lines[j] ?? ""))));
      }
      if (j === lines.length) problems.push(`${file}:${i + 1}: a code block that is never closed`);
      const example: Example = { file, line: i + 1, lang: (open[3] ?? "").toLowerCase(), code: body.join("\n") };
      if (pending) example.marker = { kind: pending.kind, reason: pending.reason };
      examples.push(example);
      pending = undefined;
      i = j;
      continue;
    }
    if (pending) problems.push(`${file}:${pending.line}: the example marker is not right above a code block`);
    pending = undefined;
    if (MARKER_COMMENT.test(line)) {
      const marker = MARKER.exec(line);
      if (!marker) {
        problems.push(`${file}:${i + 1}: write the marker as <!-- example: syntax-only (why it is not run) -->`);
      } else if (!KNOWN_MARKERS.includes(marker[1] ?? "")) {
        problems.push(`${file}:${i + 1}: unknown example marker "${marker[1]}" (known: ${KNOWN_MARKERS.join(", ")})`);
      } else {
        pending = { kind: marker[1] as Marker, reason: (marker[2] ?? "").trim(), line: i + 1 };
      }
    }
  }
  if (pending) problems.push(`${file}:${pending.line}: the example marker is not right above a code block`);
  return { examples, problems };
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/** README.md and every docs/*.md, in that order (the guides by name). */
export function documentationFiles(root: string): string[] {
  const guides = fs
    .readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join("docs", name));
  return ["README.md", ...guides];
}
