import { parse } from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { listSizeEstimator } from "../src/http/limits";
import { buildSchema } from "graphql";
import { loadTypeDefs } from "../src/graphql/schema";
const schema = buildSchema(loadTypeDefs());
const docs = {
  lookup: parse(`query ($id: ID!) { person(id: $id) { id name aliases } }`),
  person: parse(`{ person(id: "person:volodymyr-zelenskyy") { name statements { nodes { text saidOn venue { name } evidence { excerpt } } } } }`),
};
for (const [name, doc] of Object.entries(docs)) {
  for (let i = 0; i < 2000; i++) getComplexity({ schema, query: doc, variables: { id: "x" }, estimators: [listSizeEstimator] });
  const n = 20000; const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) getComplexity({ schema, query: doc, variables: { id: "x" }, estimators: [listSizeEstimator] });
  console.log(name, Number(process.hrtime.bigint() - t) / n / 1000, "µs");
}
