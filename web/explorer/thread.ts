// A conversation as the panel's thread shows it: the statements of `conversation` in their order, each with how it
// relates to the others in the thread (what it answers, rejects, confirms or quotes, and what does so to it).
import type { ResponseRelation, ThreadStatementFragment } from "../generated/graphql";

export type ThreadStatement = ThreadStatementFragment;

/** "to": the statement responds to the other; "from": the other responds to it. */
export type Direction = "to" | "from";

export interface ThreadLink {
  relation: ResponseRelation;
  direction: Direction;
  other: ThreadStatement;
}

export interface ThreadItem {
  statement: ThreadStatement;
  /** The statement the panel shows. */
  selected: boolean;
  /** What it responds to, then what responds to it, each in the thread's order. */
  links: ThreadLink[];
}

/**
 * Ids begin with their label's prefix, an alias id too (src/domain/ids.ts): the explorer knows a statement before it
 * asks, and asks for its thread in the same request.
 */
export function isStatementId(id: string): boolean {
  return id.startsWith("statement:");
}

/**
 * The thread's items in the order given (the API's date order, undated last), with their links. Every link in the
 * thread is one statement's respondsTo; one to a statement outside it (beyond its depth) is left out.
 */
export function threadItems(statements: ThreadStatement[], selected: string): ThreadItem[] {
  const position = new Map(statements.map((statement, i) => [statement.id, i]));
  const links = statements.map((): ThreadLink[] => []);
  statements.forEach((statement, i) => {
    for (const response of statement.respondsTo) {
      const j = position.get(response.statement.id);
      if (j === undefined) continue;
      links[i]!.push({ relation: response.relation, direction: "to", other: statements[j]! });
      links[j]!.push({ relation: response.relation, direction: "from", other: statement });
    }
  });
  const rank = (link: ThreadLink) => (link.direction === "to" ? 0 : statements.length) + position.get(link.other.id)!;
  return statements.map((statement, i) => ({
    statement,
    selected: statement.id === selected,
    links: links[i]!.sort((a, b) => rank(a) - rank(b)),
  }));
}

const WORDS: Record<ResponseRelation, Record<Direction, string>> = {
  ANSWERS: { to: "answers", from: "answered by" },
  REJECTS: { to: "rejects", from: "rejected by" },
  CONFIRMS: { to: "confirms", from: "confirmed by" },
  QUOTES: { to: "quotes", from: "quoted by" },
};

/** How a link reads from the statement it belongs to: "rejects", "answered by". */
export function linkWords(link: Pick<ThreadLink, "relation" | "direction">): string {
  return WORDS[link.relation][link.direction];
}
