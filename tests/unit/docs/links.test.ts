// The README and the guides link each other by file and heading: every such link lands on a file that exists and, when
// it names one, on a heading of that file (GitHub's anchors), so a section that moves takes its links along.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../../src/config";
import { documentationFiles } from "../../support/markdownExamples";

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; repeats get -1, -2, … */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*$/.exec(line);
    if (!heading) continue;
    const slug = (heading[1] ?? "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

function links(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
}

describe("links between the README and the guides", () => {
  const files = documentationFiles(projectRoot);

  it("finds the README and at least six guides besides the real-news one", () => {
    expect(files[0]).toBe("README.md");
    expect(files.filter((f) => f.startsWith("docs/") && f !== "docs/real-news.md").length).toBeGreaterThanOrEqual(6);
  });

  it("lands every relative link on a file that exists, and on one of its headings", () => {
    const broken: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(projectRoot, file), "utf8");
      for (const link of links(text)) {
        if (/^[a-z]+:/.test(link)) continue;
        const [target = "", anchor] = link.split("#");
        const resolved = target === "" ? file : path.join(path.dirname(file), target);
        const absolute = path.join(projectRoot, resolved);
        if (!fs.existsSync(absolute)) {
          broken.push(`${file}: ${link} (no ${resolved})`);
        } else if (anchor && !anchors(fs.readFileSync(absolute, "utf8")).has(anchor)) {
          broken.push(`${file}: ${link} (no heading #${anchor} in ${resolved})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("links every guide from the README", () => {
    const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");
    const linked = new Set(links(readme).map((link) => link.split("#")[0]));
    expect(files.filter((f) => f.startsWith("docs/") && !linked.has(f))).toEqual([]);
  });
});
