// A worker thread of a bulk import's conversion (conversionWorkers.ts): runs the passes over one file at a time
// (filePasses.ts) and writes its CSV rows to files of its own, which it closes when asked.
import { parentPort, workerData } from "node:worker_threads";
import { DatasetError } from "../load/dataset";
import type { Reply, Task } from "./conversionWorkers";
import { readToResolve, writeStatements, type StatementPlan } from "./filePasses";
import { ImportFiles } from "./importFiles";

const { csvDir } = workerData as { csvDir: string };
let out: ImportFiles | undefined;
let plan: StatementPlan | undefined;

function run(task: Task): unknown {
  switch (task.op) {
    case "read":
      return readToResolve(task.file);
    case "plan":
      plan = task.plan;
      return null;
    case "write":
      if (!plan) throw new Error("write before plan");
      out ??= new ImportFiles(csvDir);
      return writeStatements(task.file, task.index, plan, out);
    case "close":
      return (out ?? new ImportFiles(csvDir)).close();
  }
}

parentPort!.on("message", (message: Task & { id: number }) => {
  let reply: Reply;
  try {
    reply = { id: message.id, result: run(message) };
  } catch (e) {
    reply =
      e instanceof DatasetError
        ? { id: message.id, refused: { file: e.file, problems: e.problems } }
        : { id: message.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
