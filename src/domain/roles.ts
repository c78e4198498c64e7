// The roles a token can carry and what each includes: who may write what is decided in src/graphql/roles.ts; who a
// token names is told by src/http/access/auth.ts.

/** A curator edits, merges, splits, deletes and imports; an admin may also withdraw a source wholesale. */
export const ROLES = ["curator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who a valid token names: the change log's actor, and the roles it holds (none: plain edits only). */
export interface Identity {
  actor: string;
  roles: readonly Role[];
}

/** Each role with the roles it includes: an admin is a curator too. */
const INCLUDES: Record<Role, readonly Role[]> = { curator: ["curator"], admin: ["admin", "curator"] };

export function hasRole(identity: Identity, needed: Role): boolean {
  return identity.roles.some((role) => INCLUDES[role].includes(needed));
}
