// The subgraph SDL (FEDERATION=true): the Federation link, and a key on every Node type and on nothing else.
import { buildSchema, graphqlSync, print, printSchema } from "graphql";
import { entityTypes, FEDERATION_SPEC, subgraphSchema, subgraphTypeDefs } from "../../../src/graphql/federation";
import { loadTypeDefs } from "../../../src/graphql/schema";

// No resolvers: these tests read the schema, and the resolvers would load the whole server (the integration test
// tests/graphql/federation.test.ts runs them).
const typeDefs = loadTypeDefs();
const NODE_TYPES = ["Person", "State", "Organization", "Venue", "Event", "Source", "Statement"];

describe("the subgraph SDL", () => {
  it("keys the seven Node types by id", () => {
    expect([...entityTypes(typeDefs)].sort()).toEqual([...NODE_TYPES].sort());
    const sdl = print(subgraphTypeDefs(typeDefs));
    expect(sdl).toContain(`extend schema @link(url: "${FEDERATION_SPEC}", import: ["@key"])`);
    expect(sdl.match(/@key\(fields: "id"\)/g)).toHaveLength(NODE_TYPES.length);
    for (const type of NODE_TYPES)
      expect(sdl).toMatch(new RegExp(`type ${type} implements [^{]*@key\\(fields: "id"\\)`));
  });

  it("serves the same types and fields as the plain schema, plus _service and _entities", () => {
    const plain = buildSchema(typeDefs);
    const subgraph = subgraphSchema(typeDefs, {});
    for (const [name, type] of Object.entries(plain.getTypeMap())) {
      if (name.startsWith("__")) continue;
      expect(subgraph.getType(name)?.toString()).toBe(type.toString());
    }
    const query = subgraph.getQueryType()!.getFields();
    expect(Object.keys(query).filter((f) => !(f in plain.getQueryType()!.getFields()))).toEqual([
      "_entities",
      "_service",
    ]);
    expect(String(subgraph.getType("_Entity"))).toBe("_Entity");
    expect(printSchema(plain)).not.toContain("_entities");
  });

  it("gives its SDL, with the keys, to whoever asks _service", () => {
    const result = graphqlSync({ schema: subgraphSchema(typeDefs, {}), source: "{ _service { sdl } }" });
    const sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/type Person implements Node & Speaker\s+@key\(fields: "id"\)/);
    expect(sdl).toContain("type Statement implements Node");
  });
});
