// The synthetic dataset of one size, generated once into bench/.data/synthetic-<size> and reused by later runs.
import fs from "node:fs";
import path from "node:path";
import { generateSyntheticDataset } from "./generate";

/** Seed of every benchmark dataset: the same size always means the same data, so results compare across runs. */
export const BENCH_SEED = 42;
const STATEMENTS_PER_FILE = 5000;
/** Not a .json file, so the loader never mistakes it for a dataset. */
const MARKER = ".generated";

interface Marker {
  statements: number;
  seed: number;
  files: number;
  /** Whether statements respond to others (absent in the markers of earlier runs: they do not). */
  responses?: boolean;
}

function readMarker(dir: string): Marker | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), "utf8")) as Marker;
  } catch {
    return undefined;
  }
}

/**
 * The folder holding the dataset, generating it first unless an earlier run completed it. With `responses`, statements
 * respond to others (conversations; the shape suite's data), which changes the files: keep such a dataset in a folder
 * of its own.
 */
export function ensureDataset(dir: string, statements: number, log: (line: string) => void, responses = false): string {
  const marker = readMarker(dir);
  if (marker?.statements === statements && marker.seed === BENCH_SEED && (marker.responses ?? false) === responses) {
    log(`Dataset: reusing ${marker.files} files of ${statements} statements in ${path.relative(process.cwd(), dir)}.`);
    return dir;
  }
  const started = Date.now();
  fs.rmSync(path.join(dir, MARKER), { force: true });
  const result = generateSyntheticDataset({
    statements,
    out: dir,
    seed: BENCH_SEED,
    perFile: STATEMENTS_PER_FILE,
    responses,
  });
  fs.writeFileSync(
    path.join(dir, MARKER),
    JSON.stringify({ statements, seed: BENCH_SEED, files: result.files.length, responses } satisfies Marker),
  );
  const c = result.counts;
  log(
    `Dataset: generated ${result.files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${c.statements} statements, ${c.people} people, ${c.states} states, ${c.organizations} organizations, ` +
      `${c.venues} venues, ${c.events} events.`,
  );
  return dir;
}
