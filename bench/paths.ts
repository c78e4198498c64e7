// Where the benchmark keeps its generated datasets, its databases (both git-ignored) and its committed results.
import path from "node:path";
import { projectRoot } from "../src/config";

export const BENCH_DIR = path.join(projectRoot, "bench");
export const DATA_DIR = path.join(BENCH_DIR, ".data");
export const RESULTS_DIR = path.join(BENCH_DIR, "results");

export const datasetDir = (statements: number, root = DATA_DIR) => path.join(root, `synthetic-${statements}`);
export const neo4jDir = (statements: number, root = DATA_DIR) => path.join(root, `neo4j-${statements}`);
