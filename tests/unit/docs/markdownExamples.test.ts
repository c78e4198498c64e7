// The reader of the guides' code examples: fences (indented ones in lists too), languages, markers and their mistakes.
import { extractExamples } from "../../support/markdownExamples";

describe("the code examples of a Markdown page", () => {
  it("finds each fenced block with its language, line and text, indented ones in lists too", () => {
    const page = [
      "# Title",
      "",
      "```graphql",
      "{ people { totalCount } }",
      "```",
      "",
      "- a list item:",
      "",
      "  ```sh",
      "  curl -s localhost:4000/graphql \\",
      "    -d '{}'",
      "  ```",
      "",
      "```",
      "plain output",
      "```",
    ].join("\n");
    const { examples, problems } = extractExamples("page.md", page);
    expect(problems).toEqual([]);
    expect(examples).toEqual([
      { file: "page.md", line: 3, lang: "graphql", code: "{ people { totalCount } }" },
      { file: "page.md", line: 9, lang: "sh", code: "curl -s localhost:4000/graphql \\\n  -d '{}'" },
      { file: "page.md", line: 14, lang: "", code: "plain output" },
    ]);
  });

  it("attaches a syntax-only marker written right above a fence, with its reason", () => {
    const page = ["<!-- example: syntax-only (starts the server) -->", "```sh", "npm start", "```"].join("\n");
    expect(extractExamples("page.md", page)).toEqual({
      examples: [
        {
          file: "page.md",
          line: 2,
          lang: "sh",
          code: "npm start",
          marker: { kind: "syntax-only", reason: "starts the server" },
        },
      ],
      problems: [],
    });
  });

  it("reports a marker that is unknown, has no reason, or stands above no fence", () => {
    const page = [
      "<!-- example: skip (why) -->",
      "```sh",
      "true",
      "```",
      "<!-- example: syntax-only -->",
      "```sh",
      "true",
      "```",
      "<!-- example: syntax-only (a blank line follows) -->",
      "",
      "```sh",
      "true",
      "```",
      "```sh",
    ].join("\n");
    expect(extractExamples("page.md", page).problems).toEqual([
      'page.md:1: unknown example marker "skip" (known: syntax-only)',
      "page.md:5: write the marker as <!-- example: syntax-only (why it is not run) -->",
      "page.md:9: the example marker is not right above a code block",
      "page.md:14: a code block that is never closed",
    ]);
  });
});
