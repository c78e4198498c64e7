// What every resolver receives: the data layer, scoped to one request (with its own query counter).
import type { Database } from "../graph/database";

export interface GraphQLContext {
  db: Database;
}
