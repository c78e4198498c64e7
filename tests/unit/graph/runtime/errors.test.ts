// A full pool while Neo4j answers is overload; a pool that could not connect is an outage.
import {
  busyPool,
  DatabaseUnavailableError,
  OverloadedError,
  translateDriverError,
} from "../../../../src/graph/runtime/errors";

// The driver's own wording (neo4j-driver-core, internal/pool/pool.js); only the message tells the cases apart.
const acquisitionTimeout = (active: number, idle: number) =>
  new Error(
    "Connection acquisition timed out in 5000 ms. " +
      `Pool status: Active conn count = ${active}, Idle conn count = ${idle}.`,
  );

it("calls an acquisition time-out with every connection in use overload, retry after the given seconds", () => {
  const error = busyPool(acquisitionTimeout(100, 0), 100, 5);
  expect(error).toBeInstanceOf(OverloadedError);
  expect(error?.message).toBe("all 100 connections to Neo4j stayed busy for longer than the pool waits");
  expect(error?.retryAfterSeconds).toBe(5);
});

it("leaves an acquisition time-out with free room in the pool to translateDriverError: Neo4j is unreachable", () => {
  const error = acquisitionTimeout(3, 0);
  expect(busyPool(error, 100, 5)).toBeUndefined();
  expect(translateDriverError(error, 1000)).toBeInstanceOf(DatabaseUnavailableError);
});

it("ignores every other error", () => {
  expect(busyPool(new Error("connect ECONNREFUSED 127.0.0.1:7687"), 100, 5)).toBeUndefined();
  expect(busyPool("not an error", 100, 5)).toBeUndefined();
});
