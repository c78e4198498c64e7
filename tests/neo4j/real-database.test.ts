import { neo4jComponents } from "../../src/graph/stats";
import { startEmbeddedNeo4j } from "../../src/neo4j/embedded";
import { projectRoot } from "../../src/config";
import path from "node:path";
import { connectTestDatabase } from "../support/database";

const db = connectTestDatabase();
afterAll(() => db.close());

describe("the project's own Neo4j", () => {
  it("is a real Neo4j 5 Community kernel, reached over Bolt", async () => {
    const components = await neo4jComponents(db);
    expect(components).toHaveLength(1);
    expect(components[0]!.name).toBe("Neo4j Kernel");
    expect(components[0]!.edition).toBe("community");
    expect(components[0]!.versions[0]).toMatch(/^5\.26\./);
  });

  it("is asked not to attach notifications to answers, which nothing reads and the driver would decode", async () => {
    // A property no node has: Neo4j warns about it unless the driver's filter turns notifications off.
    const session = db.driver.session();
    try {
      const result = await session.run("MATCH (n:Person) RETURN n.noSuchPropertyAnywhere AS x LIMIT 1");
      expect(result.summary.notifications).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("requires the generated password", async () => {
    const { Database } = await import("../../src/graph/runtime/database");
    const wrong = Database.connect({
      uri: process.env.TEST_NEO4J_URI!,
      user: "neo4j",
      password: "not-the-password",
      txTimeoutMs: 5000,
    });
    await expect(wrong.verifyConnectivity()).rejects.toThrow(/authentication|unauthorized/i);
    await wrong.close();
  });

  it("reuses the running database when started a second time on the same data folder", async () => {
    const second = await startEmbeddedNeo4j({
      dataDir: process.env.TEST_NEO4J_DATA_DIR!,
      boltPort: 0,
      heapMb: 256,
      pageCacheMb: 16,
      txMemoryMb: 128,
      launcherDir: path.join(projectRoot, "neo4j"),
      log: () => {},
    });
    expect(second.reused).toBe(true);
    expect(second.uri).toBe(process.env.TEST_NEO4J_URI);
    await second.stop(); // a no-op for a reused database
    await expect(db.read("RETURN 1 AS one")).resolves.toEqual([{ one: 1 }]);
  });
});
