// The executable schema: SDL from schema/*.graphql plus the resolvers.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config";

export function loadTypeDefs(dir = path.join(projectRoot, "schema")): string {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}
