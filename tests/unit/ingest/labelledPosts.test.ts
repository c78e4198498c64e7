// Posts set as labelled paragraphs ("@handle: …"), titles abbreviated with a full stop after a place ("Ohio Sen."),
// letters after a name, and title words that only qualify an office: sentences written here (invented handles,
// people and places; no article copied), each a shape that left real quotations without their speaker.
import { extract } from "../../../src/ingest/extract";

const run = (text: string) => extract(text, { publishedOn: "2026-04-14" });
const quoted = (text: string) =>
  run(text).statements.map((s) => [s.speaker.name, s.text, s.cue, s.confidence] as const);

describe("posts under a handle", () => {
  const roundup = [
    "Readers of the harbour blog reacted quickly on Twitter:",
    "",
    "@harbour_watch: the ferries are late again and nobody at the port says why",
    "",
    "@Tilde88 : I waited two hours at the pier this morning and then went home",
    "",
    '@QuaysideAnna: They call it a "temporary delay" for the third week now.',
  ].join("\n");

  it("gives each post to its handle, with the label outside the words", () => {
    expect(quoted(roundup)).toEqual([
      ["harbour_watch", "the ferries are late again and nobody at the port says why", "label", 0.95],
      ["Tilde88", "I waited two hours at the pier this morning and then went home", "label", 0.95],
      ["QuaysideAnna", 'They call it a "temporary delay" for the third week now.', "label", 0.95],
    ]);
  });

  it("keeps a phrase in marks inside a post as part of that post, not a quotation of its own", () => {
    const texts = run(roundup).statements.map((s) => s.text);
    expect(texts).not.toContain("temporary delay");
  });

  it("reads no label where there is no handle or only a link follows", () => {
    const text = [
      "Harbours: A Week of Delays",
      "",
      "@porttimes: http://example.org/x",
      "",
      "Lunaria: the ferries are late again and nobody at the port says why.",
    ].join("\n");
    expect(run(text).statements.filter((s) => s.cue === "label")).toEqual([]);
  });
});

describe("names with titles and letters around them", () => {
  it("reads a person after a place and an abbreviated title", () => {
    const text =
      "Vermont Sen. Orla Penhallow today praised the volunteers of the lake museum.\n\n" +
      '"The museum is the work of its volunteers and nobody else," said Penhallow.';
    expect(quoted(text).map(([name]) => name)).toEqual(["Orla Penhallow"]);
  });

  it("drops letters of honours after a name", () => {
    const text =
      "The consulate opened in the old port on Monday.\n\n" +
      'Dorota Vell CMG OBE, the consul, said: "We are glad to open the new office in the old port."';
    expect(quoted(text).map(([name]) => name)).toEqual(["Dorota Vell"]);
  });

  it("makes nobody a person from a word that only qualifies an office", () => {
    const text =
      "The museum won the National Award for Harbour Service this year.\n\n" +
      '"It is a fine day for the town," the director said.';
    expect(run(text).entities.map((e) => e.name)).not.toContain("Award");
  });
});
