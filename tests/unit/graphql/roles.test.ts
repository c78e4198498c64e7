// Who may run which mutation (src/graphql/roles.ts), and the schema saying the same to clients: each mutation's
// description names the role it needs, exactly where the table asks for one.
import { buildSchema, type GraphQLObjectType } from "graphql";
import { hasRole, MUTATION_ROLES } from "../../../src/graphql/roles";
import { loadTypeDefs } from "../../../src/graphql/schema";

describe("roles", () => {
  it("an admin is a curator too; a token without a role holds neither", () => {
    const admin = { actor: "a", roles: ["admin"] as const };
    const curator = { actor: "c", roles: ["curator"] as const };
    const plain = { actor: "p", roles: [] };
    expect([hasRole(admin, "curator"), hasRole(admin, "admin")]).toEqual([true, true]);
    expect([hasRole(curator, "curator"), hasRole(curator, "admin")]).toEqual([true, false]);
    expect([hasRole(plain, "curator"), hasRole(plain, "admin")]).toEqual([false, false]);
  });

  it("merges, splits, deletions and imports need curator, deleteSource admin, other edits any token", () => {
    const needing = (role: string | null) =>
      Object.entries(MUTATION_ROLES)
        .filter(([, r]) => r === role)
        .map(([name]) => name)
        .sort();
    expect(needing("admin")).toEqual(["deleteSource"]);
    expect(needing("curator")).toEqual([
      "deleteEvent",
      "deleteOrganization",
      "deletePerson",
      "deleteState",
      "deleteStatement",
      "deleteVenue",
      "importDataset",
      "ingestArticle",
      "mergeEntities",
      "splitEntity",
    ]);
    expect(needing(null).every((name) => /^(create|update|record)/.test(name))).toBe(true);
  });

  it("each mutation's description in the schema names the role the table asks for, and no other", () => {
    const mutation = buildSchema(loadTypeDefs()).getMutationType() as GraphQLObjectType;
    const fields = mutation.getFields();
    expect(Object.keys(fields).sort()).toEqual(Object.keys(MUTATION_ROLES).sort());
    for (const [name, role] of Object.entries(MUTATION_ROLES)) {
      const description = fields[name]!.description ?? "";
      const named = /the (curator|admin) role/.exec(description)?.[1] ?? null;
      expect([name, named]).toEqual([name, role]);
    }
  });
});
