import { createContext } from "../../src/graphql/context";
import { createApollo } from "../../src/http/apollo";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { loadIstanbulSeed } from "../support/seed";

const db = connectTestDatabase();
const apollo = createApollo();

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await db.close();
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(db) });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult;
}

describe("people through GraphQL", () => {
  it("finds Zelenskyy by id, read from Neo4j", async () => {
    const result = await run(`query ($id: ID!) { person(id: $id) { id name aliases } }`, {
      id: "person:volodymyr-zelenskyy",
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      person: { id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy", aliases: ["Zelenskyy"] },
    });
  });

  it("answers null for an unknown id", async () => {
    const result = await run(`{ person(id: "person:nobody") { id } }`);
    expect(result.data).toEqual({ person: null });
  });
});
