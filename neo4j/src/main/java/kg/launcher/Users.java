package kg.launcher;

import java.util.Map;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;

/** Keeps the built-in user's password equal to the one the project generated (Community has that one user). */
final class Users {
    private Users() {}

    /** Sets the password on every start, so that the password file in the data folder is always the truth. */
    static void setInitialPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database("system");
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to its current value; that is the usual case after the first start.
            if (!String.valueOf(rootMessage(e)).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
