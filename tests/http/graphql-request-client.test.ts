// graphql-request 7 with its defaults against the real server: a query (POST, JSON) answered, a GraphQL error
// surfaced as a ClientError with the server's code, a mutation with the token in its headers. Pinned in
// package-lock.json.
import { ClientError, gql, GraphQLClient } from "graphql-request";
import { seededServer, TEST_TOKEN } from "../support/server";

const server = seededServer();

it("answers a query and a mutation with the token; a refused page size is a ClientError with its code", async () => {
  const client = new GraphQLClient(server.url);
  const data = await client.request<{ person: { name: string } }>(
    gql`
      query Who($id: ID!) {
        person(id: $id) {
          name
        }
      }
    `,
    { id: "person:volodymyr-zelenskyy" },
  );
  expect(data).toEqual({ person: { name: "Volodymyr Zelenskyy" } });

  const error = await client
    .request(gql`
      {
        statements(first: 1000) {
          totalCount
        }
      }
    `)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ClientError);
  expect((error as ClientError).response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

  const writer = new GraphQLClient(server.url, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
  const created = await writer.request<{ createPerson: { id: string } }>(gql`
    mutation {
      createPerson(input: { name: "Request Testperson" }) {
        id
      }
    }
  `);
  expect(created.createPerson.id).toBe("person:request-testperson");
});
