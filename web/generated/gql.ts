/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Find($text: String!) {\n    people(filter: { name: $text }, first: 5) { nodes { id name description } }\n    states(filter: { name: $text }, first: 5) { nodes { id name description } }\n    organizations(filter: { name: $text }, first: 5) { nodes { id name description } }\n    venues(filter: { name: $text }, first: 5) { nodes { id name kind } }\n    events(filter: { name: $text }, first: 5) { nodes { id name date } }\n    search(query: $text, first: 8) {\n      snippet\n      node { __typename id ... on Statement { speaker { name } } }\n    }\n  }\n": typeof types.FindDocument,
    "\n  fragment EntityRef on Node {\n    __typename\n    id\n    ... on Speaker { name }\n    ... on Venue { name }\n    ... on Event { name }\n    ... on Statement { text }\n    ... on Source { title }\n  }\n": typeof types.EntityRefFragmentDoc,
    "\n  fragment StatementLinks on Statement {\n    id\n    text\n    kind\n    saidOn\n    datePrecision\n    speaker { __typename id name }\n    venue { id name }\n    event { id name }\n    mentions { ...EntityRef }\n  }\n": typeof types.StatementLinksFragmentDoc,
    "\n  fragment StatementPage on StatementConnection {\n    totalCount\n    nodes { ...StatementLinks }\n  }\n": typeof types.StatementPageFragmentDoc,
    "\n  query Neighbourhood($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ...EntityRef\n      ... on Person {\n        description\n        offices { title state { id name } }\n        organizations { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on State {\n        description\n        isoCode\n        officeHolders { title person { id name } }\n        organizations { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Organization {\n        description\n        state { id name }\n        members { __typename id name }\n        memberOf { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Venue {\n        description\n        venueKind: kind\n        locatedIn { id name }\n        contains { id name }\n        state { id name }\n        heldHere: events { id name }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Event {\n        description\n        date\n        datePrecision\n        startsAt\n        venue { id name }\n        participants { role participant { __typename id name } }\n        follows { id name }\n        followedBy { id name }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Statement {\n        ...StatementLinks\n        time\n        channel\n        recurring\n        evidence { excerpt source { id title publishedOn publisher dateline } }\n      }\n    }\n  }\n": typeof types.NeighbourhoodDocument,
    "\n  query Timeline($entity: ID!) {\n    timeline(entity: $entity, first: 100) {\n      __typename\n      ... on Statement { id text saidOn datePrecision speaker { name } }\n      ... on Event { id name date datePrecision }\n    }\n  }\n": typeof types.TimelineDocument,
};
const documents: Documents = {
    "\n  query Find($text: String!) {\n    people(filter: { name: $text }, first: 5) { nodes { id name description } }\n    states(filter: { name: $text }, first: 5) { nodes { id name description } }\n    organizations(filter: { name: $text }, first: 5) { nodes { id name description } }\n    venues(filter: { name: $text }, first: 5) { nodes { id name kind } }\n    events(filter: { name: $text }, first: 5) { nodes { id name date } }\n    search(query: $text, first: 8) {\n      snippet\n      node { __typename id ... on Statement { speaker { name } } }\n    }\n  }\n": types.FindDocument,
    "\n  fragment EntityRef on Node {\n    __typename\n    id\n    ... on Speaker { name }\n    ... on Venue { name }\n    ... on Event { name }\n    ... on Statement { text }\n    ... on Source { title }\n  }\n": types.EntityRefFragmentDoc,
    "\n  fragment StatementLinks on Statement {\n    id\n    text\n    kind\n    saidOn\n    datePrecision\n    speaker { __typename id name }\n    venue { id name }\n    event { id name }\n    mentions { ...EntityRef }\n  }\n": types.StatementLinksFragmentDoc,
    "\n  fragment StatementPage on StatementConnection {\n    totalCount\n    nodes { ...StatementLinks }\n  }\n": types.StatementPageFragmentDoc,
    "\n  query Neighbourhood($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ...EntityRef\n      ... on Person {\n        description\n        offices { title state { id name } }\n        organizations { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on State {\n        description\n        isoCode\n        officeHolders { title person { id name } }\n        organizations { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Organization {\n        description\n        state { id name }\n        members { __typename id name }\n        memberOf { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Venue {\n        description\n        venueKind: kind\n        locatedIn { id name }\n        contains { id name }\n        state { id name }\n        heldHere: events { id name }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Event {\n        description\n        date\n        datePrecision\n        startsAt\n        venue { id name }\n        participants { role participant { __typename id name } }\n        follows { id name }\n        followedBy { id name }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Statement {\n        ...StatementLinks\n        time\n        channel\n        recurring\n        evidence { excerpt source { id title publishedOn publisher dateline } }\n      }\n    }\n  }\n": types.NeighbourhoodDocument,
    "\n  query Timeline($entity: ID!) {\n    timeline(entity: $entity, first: 100) {\n      __typename\n      ... on Statement { id text saidOn datePrecision speaker { name } }\n      ... on Event { id name date datePrecision }\n    }\n  }\n": types.TimelineDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Find($text: String!) {\n    people(filter: { name: $text }, first: 5) { nodes { id name description } }\n    states(filter: { name: $text }, first: 5) { nodes { id name description } }\n    organizations(filter: { name: $text }, first: 5) { nodes { id name description } }\n    venues(filter: { name: $text }, first: 5) { nodes { id name kind } }\n    events(filter: { name: $text }, first: 5) { nodes { id name date } }\n    search(query: $text, first: 8) {\n      snippet\n      node { __typename id ... on Statement { speaker { name } } }\n    }\n  }\n"): typeof import('./graphql').FindDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntityRef on Node {\n    __typename\n    id\n    ... on Speaker { name }\n    ... on Venue { name }\n    ... on Event { name }\n    ... on Statement { text }\n    ... on Source { title }\n  }\n"): typeof import('./graphql').EntityRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatementLinks on Statement {\n    id\n    text\n    kind\n    saidOn\n    datePrecision\n    speaker { __typename id name }\n    venue { id name }\n    event { id name }\n    mentions { ...EntityRef }\n  }\n"): typeof import('./graphql').StatementLinksFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatementPage on StatementConnection {\n    totalCount\n    nodes { ...StatementLinks }\n  }\n"): typeof import('./graphql').StatementPageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighbourhood($id: ID!, $first: Int!) {\n    node(id: $id) {\n      ...EntityRef\n      ... on Person {\n        description\n        offices { title state { id name } }\n        organizations { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on State {\n        description\n        isoCode\n        officeHolders { title person { id name } }\n        organizations { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Organization {\n        description\n        state { id name }\n        members { __typename id name }\n        memberOf { id name }\n        events { role event { id name } }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Venue {\n        description\n        venueKind: kind\n        locatedIn { id name }\n        contains { id name }\n        state { id name }\n        heldHere: events { id name }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Event {\n        description\n        date\n        datePrecision\n        startsAt\n        venue { id name }\n        participants { role participant { __typename id name } }\n        follows { id name }\n        followedBy { id name }\n        statements(first: $first) { ...StatementPage }\n        mentionedIn(first: $first) { ...StatementPage }\n      }\n      ... on Statement {\n        ...StatementLinks\n        time\n        channel\n        recurring\n        evidence { excerpt source { id title publishedOn publisher dateline } }\n      }\n    }\n  }\n"): typeof import('./graphql').NeighbourhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timeline($entity: ID!) {\n    timeline(entity: $entity, first: 100) {\n      __typename\n      ... on Statement { id text saidOn datePrecision speaker { name } }\n      ... on Event { id name date datePrecision }\n    }\n  }\n"): typeof import('./graphql').TimelineDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
