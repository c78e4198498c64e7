// A separate process that writes through the data layer, for the change log's test of concurrent writers: it creates
// and then updates COUNT sources named after WRITER, on the test run's Neo4j, and exits.
import { connectTestDatabase } from "./database";
import { createSource, updateSource } from "../../src/graph/writes/mutations/sources";

async function main() {
  const writer = process.env.WRITER ?? "a";
  const count = Number(process.env.COUNT ?? "20");
  const db = connectTestDatabase();
  try {
    for (let i = 0; i < count; i++) {
      const id = `source:writer-${writer}-${i}`;
      await createSource(db, { id, title: `Writer ${writer} ${i}`, publishedOn: "2025-01-01", text: "Text." }, writer);
      await updateSource(db, id, { title: `Writer ${writer} ${i}, updated` }, writer);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
