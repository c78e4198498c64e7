// SIGTERM: the server stops accepting, finishes the request in flight, closes the driver and exits cleanly.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { projectRoot } from "../../src/config";

it("finishes a request in flight after SIGTERM, then exits with code 0", async () => {
  const child = spawn(path.join(projectRoot, "node_modules", ".bin", "tsx"), ["src/main.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NEO4J_URI: process.env.TEST_NEO4J_URI,
      NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD,
      PORT: "0",
      SEED_WHEN_EMPTY: "false",
      NODE_ENV: "production",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in:\n${output}`)), 60_000);
    const check = () => {
      const match = /GraphQL server ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      } else setTimeout(check, 100);
    };
    check();
  });
  // Production logs are JSON lines.
  expect(output.split("\n").filter(Boolean).every((line) => line.startsWith("{"))).toBe(true);

  // A request whose body is still arriving when SIGTERM comes.
  const body = JSON.stringify({ query: "{ __typename }" });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      let text = "";
      response.on("data", (d: Buffer) => (text += d.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.write(body.slice(0, 5));
    setTimeout(() => {
      child.kill("SIGTERM");
      setTimeout(() => request.end(body.slice(5)), 500);
    }, 300);
  });
  expect(await answer).toEqual({ status: 200, text: '{"data":{"__typename":"Query"}}\n' });
  expect(await exited).toBe(0);
  expect(output).toMatch(/"msg":"stopped"/);
}, 90_000);
