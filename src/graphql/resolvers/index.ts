// All resolvers, assembled: scalars, root fields, types, interfaces and unions.
import type { Resolvers } from "../../generated/graphql";
import { DateScalar, DateTimeScalar, JsonScalar } from "../scalars";
import { facetField } from "../fetching/facets";
import { snippet } from "./snippet";
import { changeQueries, changeResolvers, historyField } from "./changes";
import { connectionFields } from "./connections";
import { entityResolvers } from "./entities";
import { ingestResolvers } from "./ingest";
import { mutationResolvers } from "./mutations";
import { queryResolvers } from "./query";
import { statementResolvers } from "./statements";
import { subscriptionResolvers } from "./subscriptions";

/** Every type that implements Node has its history. */
const NODE_TYPES = ["Person", "State", "Organization", "Venue", "Event", "Source", "Statement"] as const;

const withHistory = (types: Resolvers): Resolvers =>
  Object.fromEntries(
    Object.entries(types).map(([name, fields]) => [
      name,
      (NODE_TYPES as readonly string[]).includes(name) ? { ...fields, history: historyField } : fields,
    ]),
  );

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JsonScalar,
  Query: { ...queryResolvers, ...changeQueries },
  Mutation: { ...mutationResolvers, ...ingestResolvers },
  Subscription: subscriptionResolvers,
  ...withHistory({ ...entityResolvers, ...statementResolvers }),
  ...changeResolvers,
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
