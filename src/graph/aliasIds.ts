// Ids a client gives may be alias ids: when entity resolution merges a node into another, the merged node's id lives on
// as (:IdAlias {id})-[:ALIAS_OF]->(node). Every read by such an id starts here, and answers with the canonical node.

/** An id expression a fragment accepts: a parameter ($id) or a variable in scope (id, parent). */
const ID_EXPRESSION = /^\$?[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The body of a look-up: binds v to the node with this id, else to the node it is an alias of, else to null. Label
 * narrows both ways in (a venue filter finds venues only). Both are unique-index seeks, and the alias seek runs only
 * when the direct one misses: coalesce stops at its first non-null argument, and the COLLECT inside it is planned as
 * part of the expression, not as an operator run for every row. So a look-up by a canonical id costs what it did
 * before aliases existed. A direct match wins over an alias with the same id: one row, never two.
 */
function lookUp(v: string, id: string, label: string): { imports: string; body: string } {
  if (!ID_EXPRESSION.test(id)) throw new Error(`an id look-up takes a parameter or a variable, not ${id}`);
  const alias = `COLLECT { MATCH (:IdAlias {id: ${id}})-[:ALIAS_OF]->(canonical:${label}) RETURN canonical }`;
  return {
    imports: id.startsWith("$") ? "" : id,
    body: `OPTIONAL MATCH (named:${label} {id: ${id}}) WITH coalesce(named, head(${alias})) AS ${v}`,
  };
}

/** A CALL that binds v to the node named by id (a parameter or a variable), its own or an alias; no row when none. */
export function nodeById(v: string, id: string, label = "Entity"): string {
  const { imports, body } = lookUp(v, id, label);
  return `CALL (${imports}) { ${body} WHERE ${v} IS NOT NULL RETURN ${v} }`;
}

/** A CALL that binds v to the node named by id like nodeById, or to null when there is none (the row stays). */
export function nodeOrNullById(v: string, id: string, label = "Entity"): string {
  const { imports, body } = lookUp(v, id, label);
  return `CALL (${imports}) { ${body} RETURN ${v} }`;
}
