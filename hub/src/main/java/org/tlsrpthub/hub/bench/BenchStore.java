package org.tlsrpthub.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.SqliteTuning;

/**
 * The store a benchmark writes into. By default a fresh SQLite store in a new temporary directory,
 * deleted afterwards; never ./data or TLSRPT_STORE_URL, which may hold an operator's real reports. A
 * store named on the command line (--db / --data-dir) is used only when it is empty, so that
 * generated reports never mix with real ones.
 */
public final class BenchStore implements AutoCloseable {
    // What a store holds once anything was written: inputs, reports or rollups (a benchmark may write rollups alone).
    private static final List<String> CONTENT_TABLES = List.of("raw_input", "report", "rollup_daily", "rollup_domain_total");

    private final Database db;
    private final Path temporary;

    private BenchStore(Database db, Path temporary) {
        this.db = db;
        this.temporary = temporary;
    }

    /** The store named on the command line (a JDBC URL, null when none was), which must be empty; else a fresh one. */
    public static BenchStore open(String named, String purpose) throws IOException, SQLException, NotEmpty {
        return open(named, purpose, SqliteTuning.DEFAULT);
    }

    /** As {@link #open(String, String)}, a fresh store with {@code tuning}. */
    public static BenchStore open(String named, String purpose, SqliteTuning tuning) throws IOException, SQLException, NotEmpty {
        if (named == null) {
            Path dir = Files.createTempDirectory("tlsrpt-bench-" + purpose);
            return new BenchStore(Database.open(DatabaseLocation.sqliteUrl(dir, tuning)), dir);
        }
        Database db = Database.open(named);
        try {
            String content = content(db);
            if (!content.isEmpty()) {
                // The URL is not repeated: it may carry a password.
                throw new NotEmpty("refusing to benchmark into the store given with --db / --data-dir: it is not empty ("
                        + content + "). A benchmark writes generated reports: give an empty store, or neither option"
                        + " for a fresh temporary one.");
            }
        } catch (NotEmpty | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new BenchStore(db, null);
    }

    /** A store a benchmark filled before (named on the command line, not empty), to read again. */
    public static BenchStore reopen(String named) throws SQLException, NotEmpty {
        if (named == null) throw new NotEmpty("name the store the benchmark filled before with --db or --data-dir");
        Database db = Database.open(named);
        try {
            if (content(db).isEmpty()) throw new NotEmpty("the store given with --db / --data-dir is empty: run the benchmark without --no-fill first");
        } catch (NotEmpty | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new BenchStore(db, null);
    }

    public Database db() {
        return db;
    }

    /** What the store holds, e.g. "12 rows in report, 3 rows in raw_input"; empty when nothing. */
    static String content(Database db) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String table : CONTENT_TABLES) {
            long rows = db.withConnection(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            if (rows > 0) out.append(out.isEmpty() ? "" : ", ").append(String.format("%,d rows in %s", rows, table));
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        db.close();
        if (temporary == null) return;
        try (Stream<Path> s = Files.walk(temporary)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The named store cannot be used: it holds something already, or nothing when it should. */
    public static final class NotEmpty extends Exception {
        public NotEmpty(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
