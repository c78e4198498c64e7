// Who may write what: the roles a token can carry and the role each mutation needs. The one table that decides;
// authentication (src/http/access/auth.ts) only says who the token names and which roles it holds.
import type { MutationResolvers } from "../generated/graphql";

import { hasRole, ROLES, type Identity, type Role } from "../domain/roles";

export { hasRole, ROLES, type Identity, type Role };

/**
 * The role each mutation needs; null: any valid token. A Record over the generated resolver type, so a new
 * mutation does not compile until someone decides here who may run it. ingestArticle's role applies to dryRun: false
 * (a dry run writes nothing and needs no token). No mutation changes server settings (those are environment
 * variables); deleteSource is the administration one: it withdraws a source wholesale, with the statements, claims
 * and entities only it stated.
 */
export const MUTATION_ROLES: Record<keyof MutationResolvers, Role | null> = {
  createPerson: null,
  updatePerson: null,
  deletePerson: "curator",
  createState: null,
  updateState: null,
  deleteState: "curator",
  createOrganization: null,
  updateOrganization: null,
  deleteOrganization: "curator",
  createVenue: null,
  updateVenue: null,
  deleteVenue: "curator",
  createEvent: null,
  updateEvent: null,
  deleteEvent: "curator",
  createSource: null,
  updateSource: null,
  deleteSource: "admin",
  mergeEntities: "curator",
  splitEntity: "curator",
  recordStatement: null,
  updateStatement: null,
  deleteStatement: "curator",
  importDataset: "curator",
  ingestArticle: "curator",
};
