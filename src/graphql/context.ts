// What every resolver receives: the data layer scoped to one request (its own query counter), its batch loaders,
// and whether the request may write.
import type { Database } from "../graph/database";
import { createLoaders, type Loaders } from "./loaders";

export interface Auth {
  /** True when the request carried "Authorization: Bearer <API_TOKEN>". */
  canWrite: boolean;
  /** Why it cannot, for the error message. */
  reason?: string;
}

export interface GraphQLContext {
  db: Database;
  loaders: Loaders;
  auth: Auth;
}

export function createContext(db: Database, auth: Auth = { canWrite: false, reason: "no token was sent" }): GraphQLContext {
  const scoped = db.withCounter();
  return { db: scoped, loaders: createLoaders(scoped), auth };
}
