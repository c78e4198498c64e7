// Issue 31: drafted ids are not identity. An extractor's draft names each entity by a slug of its name; when that slug
// is already another node's id, resolution decides from names and context (never from the id): here a different
// person takes the first free id after it, the node of that id keeps only its own statements, the report says why,
// and the same person met again in a later article joins the node made for them, with the reason.
import { connectTestDatabase } from "../support/database";
import { ADMIN, seededApi } from "../support/graphql";

const db = connectTestDatabase();
const api = seededApi(db);
const curator = ADMIN;

/** A person whose id (chosen by another source) is what a draft of "Anna Berg" would be called. */
const OTHER_SOURCE = {
  source: {
    id: "source:harbour-registry",
    title: "Harbour registry",
    publishedOn: "2026-08-01",
    text: "Anna Bergström chairs the harbour board.",
  },
  people: [{ id: "person:anna-berg", name: "Anna Bergström" }],
};

const INGEST = `mutation ($input: ArticleInput!) {
  ingestArticle(input: $input, dryRun: false) {
    entities { id name resolution { incoming decision into reasons } }
    statements { speaker { id name } }
  }
}`;

const article = (text: string, publishedOn: string, title: string) => ({ input: { text, publishedOn, title } });

const FIRST = [
  "TROMSØ: Fisheries adviser Anna Berg spoke to reporters at the harbour on Monday.",
  "",
  '"The quotas for cod must be set for three years, not one," Anna Berg said.',
].join("\n");

const SECOND = [
  "BODØ: Fisheries adviser Anna Berg returned to the harbour on Friday.",
  "",
  '"Three years of quotas would let the fleet plan again," Anna Berg said.',
].join("\n");

it("gives a drafted person whose slug is another node's id a free id, and says why", async () => {
  const loaded = await api.run(
    `mutation ($d: JSON!) { importDataset(dataset: $d) { sourceId } }`,
    { d: OTHER_SOURCE },
    curator,
  );
  expect(loaded.errors).toBeUndefined();

  const first = await api.run(INGEST, article(FIRST, "2026-09-07", "Quotas for cod"), curator);
  expect(first.errors).toBeUndefined();
  const berg = first.data.ingestArticle.entities.find((e: { name: string }) => e.name === "Anna Berg");
  expect(berg).toEqual({
    id: "person:anna-berg-2",
    name: "Anna Berg",
    resolution: {
      incoming: "person:anna-berg",
      decision: "NEW",
      into: null,
      reasons: expect.arrayContaining([
        "its drafted id person:anna-berg is another node's: written as person:anna-berg-2",
      ]),
    },
  });
  expect(first.data.ingestArticle.statements).toEqual([{ speaker: { id: "person:anna-berg-2", name: "Anna Berg" } }]);

  // The node of that id is still Anna Bergström, with none of Anna Berg's words.
  const node = await api.data(`{ person(id: "person:anna-berg") { name statements(first: 5) { totalCount } } }`);
  expect(node.person).toEqual({ name: "Anna Bergström", statements: { totalCount: 0 } });

  // Anna Berg again, in another article: she joins her own node, by name, and the report says so.
  const second = await api.run(INGEST, article(SECOND, "2026-09-11", "Fleet plans"), curator);
  expect(second.errors).toBeUndefined();
  const again = second.data.ingestArticle.entities.find((e: { name: string }) => e.name === "Anna Berg");
  expect(again.id).toBe("person:anna-berg-2");
  expect(again.resolution).toMatchObject({
    incoming: "person:anna-berg",
    decision: "MERGED",
    into: "person:anna-berg-2",
  });
  expect(again.resolution.reasons.join(" ")).toContain("Anna Berg");

  const her = await api.data(`{ person(id: "person:anna-berg-2") { name statements(first: 5) { totalCount } } }`);
  expect(her.person).toEqual({ name: "Anna Berg", statements: { totalCount: 2 } });
});
