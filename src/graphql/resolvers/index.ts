// All resolvers, assembled: scalars, root fields, types, interfaces and unions.
import type { Resolvers } from "../../generated/graphql";
import { DateScalar, DateTimeScalar, JsonScalar } from "../scalars";
import { facetField } from "../facets";
import { snippet } from "../snippet";
import { connectionFields } from "./connections";
import { entityResolvers } from "./entities";
import { ingestResolvers } from "./ingest";
import { mutationResolvers } from "./mutations";
import { queryResolvers } from "./query";
import { statementResolvers } from "./statements";

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JsonScalar,
  Query: queryResolvers,
  Mutation: { ...mutationResolvers, ...ingestResolvers },
  ...entityResolvers,
  ...statementResolvers,
  Node: { __resolveType: (row) => row.label },
  Speaker: { __resolveType: (row) => row.label },
  TimelineItem: { __resolveType: (row) => row.label },
  SearchHit: {
    snippet: (hit) => snippet(hit.node, hit.query),
  },
  Path: {
    length: (path) => path.relationships.length,
  },
  StatementConnection: { ...connectionFields, facets: (page) => page.facets ?? {} },
  StatementFacets: {
    bySpeaker: facetField("bySpeaker"),
    byMentioned: facetField("byMentioned"),
    byKind: facetField("byKind"),
    byPeriod: facetField("byPeriod"),
    byVenue: facetField("byVenue"),
    undated: facetField("undated"),
  },
  PersonConnection: connectionFields,
  StateConnection: connectionFields,
  OrganizationConnection: connectionFields,
  VenueConnection: connectionFields,
  EventConnection: connectionFields,
  SourceConnection: connectionFields,
  SearchConnection: connectionFields,
  TimelineConnection: connectionFields,
};
