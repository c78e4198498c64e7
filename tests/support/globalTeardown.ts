import fs from "node:fs";

export default async function globalTeardown(): Promise<void> {
  const test = globalThis.__TEST_NEO4J__;
  if (!test) return;
  await test.running.stop();
  fs.rmSync(test.dataDir, { recursive: true, force: true });
}
