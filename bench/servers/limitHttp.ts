// Child process: the limit behind HTTP. The limit's hand-written Cypher through neo4j-driver, asked the way the driver
// runner asks it (runners/autoCommit.ts), but over node:http as a GraphQL server is asked: a POST with a JSON body
// ({cypher, params}), answered with the rows as JSON ({data: rows}), loaded by the same autocannon. Nothing of its own
// between the socket and the driver: what it costs over the limit is what serving over HTTP on this machine costs
// (Node's HTTP and sockets, JSON both ways, the load generator's share of the cores), which no HTTP server avoids.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Driver } from "neo4j-driver";
import { toNeo4jParams, toPlain } from "../../src/graph/values";
import { serveParent } from "../ipc/child";
import { autoCommitRead, limitDriver } from "../runners/autoCommit";
import { Recorder, type RecordedQuery, type ServerStart } from "./stats";

const recorder = new Recorder();
const { stats } = recorder;
let driver: Driver | undefined;
let server: http.Server | undefined;

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const { cypher, params } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RecordedQuery;
    stats.requests += 1;
    recorder.sent(cypher, params);
    const rows = await autoCommitRead(driver!, cypher, toNeo4jParams(params));
    send(response, 200, { data: rows.map(toPlain) });
  } catch (e) {
    send(response, 500, { errors: [{ message: (e as Error).message }] });
  }
}

serveParent(
  {
    async start({ connection }: ServerStart) {
      driver = limitDriver(connection);
      await driver.verifyConnectivity();
      server = http.createServer((request, response) => void answer(request, response));
      await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
    },
    ...recorder.handlers(
      () => driver,
      (params) => toNeo4jParams(params) as Record<string, unknown>,
    ),
  },
  async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await driver?.close();
  },
);
