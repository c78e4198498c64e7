// PROFILE of the Cypher a contender sent for one request: database hits, rows and the operator tree, so a slow answer
// can be traced to its plan.
import type { Driver } from "neo4j-driver";
import neo4j from "neo4j-driver";

export interface Profile {
  dbHits: number;
  rows: number;
  /** One line per operator, indented by depth: "NodeUniqueIndexSeek rows=1 hits=2 …". */
  plan: string[];
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments?: { Details?: unknown };
  children: PlanNode[];
}

/** The library prefixes its queries with "CYPHER 5"; PROFILE has to come after that. */
function withProfile(cypher: string): string {
  const prefix = /^\s*(CYPHER\b[^\n]*\n)/i.exec(cypher);
  return prefix ? `${prefix[1]}PROFILE ${cypher.slice(prefix[0].length)}` : `PROFILE ${cypher}`;
}

export async function profileQuery(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<Profile> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(withProfile(cypher), params);
    const root = result.summary.profile as unknown as PlanNode | false;
    const profile: Profile = { dbHits: 0, rows: result.records.length, plan: [] };
    const walk = (node: PlanNode, depth: number) => {
      profile.dbHits += node.dbHits;
      const details = typeof node.arguments?.Details === "string" ? ` ${node.arguments.Details}` : "";
      const operator = node.operatorType.replace(/@.*$/, "");
      profile.plan.push(
        `${"  ".repeat(depth)}${operator} rows=${node.rows} hits=${node.dbHits}${details}`.slice(0, 400),
      );
      for (const child of node.children) walk(child, depth + 1);
    };
    if (root) walk(root, 0);
    return profile;
  } finally {
    await session.close();
  }
}

/** Several queries of one request: hits added up, plans one after another. */
export async function profileAll(
  driver: Driver,
  queries: { cypher: string; params: Record<string, unknown> }[],
): Promise<Profile> {
  const total: Profile = { dbHits: 0, rows: 0, plan: [] };
  for (const [i, q] of queries.entries()) {
    const p = await profileQuery(driver, q.cypher, q.params);
    total.dbHits += p.dbHits;
    total.rows += p.rows;
    total.plan.push(`-- query ${i + 1} of ${queries.length}`, ...p.plan);
  }
  return total;
}
