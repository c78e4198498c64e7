// The question-shape suite (issue 33): GraphQL operations a front end sends, each with the hand-written Cypher that
// answers it best, answers compared field for field. A third are held out (`heldOut: true`, named where each is
// written): measured and reported apart, never tuned on.
import type { ShapeFixtures } from "./fixtures";
import { featureShapes } from "./features";
import { listShapes } from "./lists";
import { pageShapes } from "./pages";
import type { Shape } from "./shape";

export type { Shape } from "./shape";

export function buildShapes(f: ShapeFixtures): Shape[] {
  return [...pageShapes(f), ...listShapes(f), ...featureShapes(f)];
}
