// Issue 31: an office is not a person, and drafted ids are not identity. Two articles of our own in which "the Prime
// Minister said" means two different people, each named with the office earlier in the same article, imported one
// after the other through ingestArticle: both quotations are drafted with their holders (confident enough to be
// drafted, not left for review), the graph keeps two people with their own quotations, and nobody is called
// "Minister".
import { connectTestDatabase } from "../support/database";
import { ADMIN, seededApi } from "../support/graphql";

const db = connectTestDatabase();
const api = seededApi(db);
const curator = ADMIN;

const INGEST = `mutation ($input: ArticleInput!) {
  ingestArticle(input: $input, dryRun: false) {
    statements { id kind confidence speaker { id name } }
    unattributed { text reason }
    import { statements dryRun }
  }
}`;

const NORDLAND = [
  "OSLO: Prime Minister Ingrid Valstad opened the autumn session of parliament on Tuesday.",
  "",
  '"The fishing quota will not be cut this year," the Prime Minister said in her opening speech.',
].join("\n");

const CASTRELLA = [
  "LISBON: Prime Minister Rui Tavares Mendonça met union leaders on Wednesday to end the port strike.",
  "",
  '"Nobody leaves this room until the ships can sail again," the Prime Minister said after the meeting.',
].join("\n");

const PEOPLE = `query ($name: String!) { people(filter: { name: $name }, first: 10) {
  nodes { id name statements(first: 10) { nodes { text } } } } }`;

it("drafts each 'the Prime Minister said' with its own holder and keeps two people", async () => {
  const first = await api.run(
    INGEST,
    { input: { text: NORDLAND, publishedOn: "2026-09-01", title: "Valstad opens parliament" } },
    curator,
  );
  expect(first.errors).toBeUndefined();
  const second = await api.run(
    INGEST,
    { input: { text: CASTRELLA, publishedOn: "2026-09-02", title: "Port strike talks" } },
    curator,
  );
  expect(second.errors).toBeUndefined();

  for (const [result, name] of [
    [first, "Ingrid Valstad"],
    [second, "Rui Tavares Mendonça"],
  ] as const) {
    const draft = result.data.ingestArticle;
    expect(draft.unattributed).toEqual([]);
    expect(draft.import).toEqual({ statements: 1, dryRun: false });
    expect(draft.statements).toHaveLength(1);
    expect(draft.statements[0].kind).toBe("DIRECT_QUOTE");
    expect(draft.statements[0].speaker.name).toBe(name);
  }
  const [valstad, mendonca] = [first, second].map((r) => r.data.ingestArticle.statements[0].speaker.id);
  expect(valstad).not.toBe(mendonca);

  const minister = await api.data(PEOPLE, { name: "Minister" });
  expect(minister.people.nodes).toEqual([]);
  const one = await api.data(PEOPLE, { name: "Valstad" });
  expect(one.people.nodes).toEqual([
    {
      id: valstad,
      name: "Ingrid Valstad",
      statements: { nodes: [{ text: "The fishing quota will not be cut this year" }] },
    },
  ]);
  const other = await api.data(PEOPLE, { name: "Mendonça" });
  expect(other.people.nodes).toEqual([
    {
      id: mendonca,
      name: "Rui Tavares Mendonça",
      statements: { nodes: [{ text: "Nobody leaves this room until the ships can sail again" }] },
    },
  ]);
});
