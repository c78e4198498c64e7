package kg.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community embedded, with Bolt on 127.0.0.1 only, for the Node side (src/neo4j/embedded.ts).
 *
 * Protocol with the parent process: settings come as arguments and the password in the NEO4J_LAUNCHER_PASSWORD
 * environment variable (never on the command line, where `ps` would show it). One line "READY <port>" on stdout
 * when Bolt accepts connections, or "ERROR <message>" before exiting non-zero. The DBMS shuts down cleanly when
 * stdin closes (the parent exited or crashed) or on SIGTERM/SIGINT.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Map<String, String> opts = Args.parse(args);
        Path home = Path.of(required(opts, "home")).toAbsolutePath();
        int port = Integer.parseInt(required(opts, "port"));
        String password = System.getenv("NEO4J_LAUNCHER_PASSWORD");
        if (password == null || password.isEmpty()) {
            fail("NEO4J_LAUNCHER_PASSWORD is not set: the launcher refuses to start Neo4j without authentication");
        }

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(home);
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    // Bolt's Netty waits out a quiet period of its own on shutdown (~10 s in all); our side closes
                    // its connections before it stops Neo4j, so there is nothing to wait for.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(Long.parseLong(opts.getOrDefault("pagecache-mb", "256"))))
                    // All transactions together, and each one alone, stay well below the heap: a query that needs
                    // more fails alone (MemoryPoolOutOfMemoryError) instead of taking the JVM down.
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(Long.parseLong(opts.getOrDefault("tx-memory-mb", "512"))))
                    .setConfig(GraphDatabaseSettings.memory_tracking, true)
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(Long.parseLong(opts.getOrDefault("tx-max-mb", "0"))))
                    .build();
        } catch (Throwable e) {
            fail(describe(e));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        try {
            Users.setInitialPassword(dbms, password);
        } catch (Throwable e) {
            dbms.shutdown();
            fail("could not set the password of user neo4j: " + describe(e));
        }

        System.out.println("READY " + port);
        System.out.flush();
        waitForStdinToClose();
        System.exit(0); // runs the shutdown hook
    }

    private static void waitForStdinToClose() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; reading only detects that it went away
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of input
        }
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            fail("missing argument --" + name);
        }
        return v;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            sb.append(" / ").append(root.getMessage());
        }
        return sb.toString().replace('\n', ' ');
    }

    static void fail(String message) {
        System.out.println("ERROR " + message);
        System.out.flush();
        System.exit(2);
    }
}
