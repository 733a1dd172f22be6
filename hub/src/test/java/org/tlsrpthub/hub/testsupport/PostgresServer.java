package org.tlsrpthub.hub.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for tests: the one named by {@code TLSRPT_TEST_PG_URL} (a JDBC URL of a
 * database whose user may create databases), or a throwaway cluster started here with Debian's
 * PostgreSQL (the newest in /usr/lib/postgresql, or {@code TLSRPT_TEST_PG_BIN}) as the
 * {@code postgres} user, on a free port, stopped when the JVM exits.
 * Each call of {@link #freshDatabaseUrl()} creates an empty database.
 *
 * <p>In CI ({@code CI=true}) a PostgreSQL that cannot be had fails the test; elsewhere the test is
 * skipped with the reason, so a laptop without PostgreSQL can still run the SQLite half.
 */
public final class PostgresServer {
    private static final String PG_BIN = System.getenv().getOrDefault("TLSRPT_TEST_PG_BIN", debianPgBin());
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String adminUrl;
    private static String failure;

    private PostgresServer() {}

    /** The newest Debian PostgreSQL installed (/usr/lib/postgresql/N/bin), 15 when none is. */
    private static String debianPgBin() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(java.util.Comparator.comparingInt(v -> {
                        try {
                            return Integer.parseInt(v.getFileName().toString());
                        } catch (NumberFormatException e) {
                            return -1;
                        }
                    }))
                    .map(v -> v.resolve("bin").toString())
                    .orElse("/usr/lib/postgresql/15/bin");
        } catch (IOException e) {
            return "/usr/lib/postgresql/15/bin";
        }
    }

    /** A JDBC URL of a new, empty database. */
    public static synchronized String freshDatabaseUrl() {
        String admin = adminUrl();
        String name = "hub_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            unavailable("cannot create a test database through " + admin + ": " + e.getMessage());
        }
        return withDatabase(admin, name);
    }

    private static String withDatabase(String url, String name) {
        // jdbc:postgresql://host:port/db?params -> same with another db
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String base = url.substring(0, slash + 1);
        String params = query < 0 ? "" : url.substring(query);
        return base + name + params;
    }

    private static String adminUrl() {
        if (adminUrl != null) return adminUrl;
        if (failure != null) unavailable(failure);
        String env = System.getenv("TLSRPT_TEST_PG_URL");
        if (env != null && !env.isBlank()) {
            adminUrl = env;
            return adminUrl;
        }
        try {
            adminUrl = startCluster();
            return adminUrl;
        } catch (Exception e) {
            failure = "could not start PostgreSQL from " + PG_BIN + " (set TLSRPT_TEST_PG_URL to use a running one): " + e.getMessage();
            unavailable(failure);
            return null;
        }
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("PostgreSQL is required in CI: " + why);
        }
        Assumptions.abort("PostgreSQL not available: " + why);
    }

    private static String startCluster() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PG_BIN, "initdb"))) throw new IOException("no initdb in " + PG_BIN);
        Path dir = Files.createTempDirectory("tlsrpt-pg-");
        int port = freePort();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) run(List.of("chown", "postgres:postgres", dir.toString()));
        run(asPostgres(root, PG_BIN + "/initdb", "-D", dir + "/data", "-U", "postgres", "--auth-local=trust",
                "--auth-host=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        run(asPostgres(root, PG_BIN + "/pg_ctl", "-D", dir + "/data", "-l", dir + "/server.log", "-w", "-t", "60",
                "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                        + " -c fsync=off -c synchronous_commit=on -c max_connections=200",
                "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(asPostgres(root, PG_BIN + "/pg_ctl", "-D", dir + "/data", "-m", "immediate", "-w", "stop"));
                run(List.of("rm", "-rf", dir.toString()));
            } catch (Exception ignored) {
                // the JVM is going away; a leftover temp dir is harmless
            }
        }));
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    private static List<String> asPostgres(boolean root, String... cmd) {
        List<String> all = new ArrayList<>();
        if (root) all.addAll(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(List.of(cmd));
        return all;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(out));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
