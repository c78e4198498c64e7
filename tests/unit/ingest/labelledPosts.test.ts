// Posts set as labelled paragraphs ("@handle: …"), titles abbreviated with a full stop after a place ("Ohio Sen."),
// letters after a name, and title words that only qualify an office: sentences written here (invented handles,
// people and places; no article copied), each a shape that left real quotations without their speaker.
import { extract } from "../../../src/ingest/extract";

const run = (text: string) => extract(text, { publishedOn: "2026-04-14" });
const quoted = (text: string) =>
  run(text)
    .statements.filter((s) => s.kind === "DIRECT_QUOTE")
    .map((s) => [s.speaker.name, s.text, s.cue, s.confidence] as const);

describe("posts under a handle", () => {
  it("keeps items of a list after a colon out of quotations", () => {
    const text = [
      "The harbour bill, which Senator Tam McKeown introduced on Monday, would include:",
      "",
      "* Rebuilding the north pier and the ferry terminal before the winter season",
      "",
      "* Giving the harbour board more money for dredging the channel every year",
    ].join("\n");
    expect(run(text).statements).toEqual([]);
  });

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

  it("reads names with a capital inside (Mc-, O’, De-) and after a plural or abbreviated plural title", () => {
    const text =
      "Sens. Tam McKeown (D-VT) and Orla DeVane (R-OH) pushed for the harbour grant.\n\n" +
      '"We will vote for the grant in the chamber," said McKeown.\n\n' +
      '"It is a good day for the harbour," said Senator DeVane.\n\n' +
      '"The harbour needs the money," said Brid O’Rahilly, the harbour master.';
    expect(quoted(text).map(([name]) => name)).toEqual(["Tam McKeown", "Orla DeVane", "Brid O’Rahilly"]);
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
