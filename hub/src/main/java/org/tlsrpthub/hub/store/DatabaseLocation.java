package org.tlsrpthub.hub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the store lives when no JDBC URL is given: an SQLite file in the data directory. */
public final class DatabaseLocation {
    public static final String SQLITE_FILE = "tlsrpt-hub.db";

    private DatabaseLocation() {}

    /** The SQLite URL for {@code dataDir} with the default tuning (synchronous=FULL), creating the directory. */
    public static String sqliteUrl(Path dataDir) {
        return sqliteUrl(dataDir, SqliteTuning.DEFAULT);
    }

    /**
     * The SQLite URL for {@code dataDir}, creating the directory. WAL lets readers run beside the
     * writer; the tuning says whether each commit is synced (see {@link SqliteTuning});
     * IMMEDIATE transactions take the write lock up front so two writers wait instead of
     * failing on a lock upgrade; a 64 MB page cache keeps the dedup
     * indexes (random keys) in memory during large imports.
     */
    public static String sqliteUrl(Path dataDir, SqliteTuning tuning) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath()
                + "?journal_mode=WAL&" + tuning.urlParameters()
                + "&foreign_keys=true&transaction_mode=IMMEDIATE&cache_size=-65536";
    }

    /**
     * The URL to use: an explicit one if given (an SQLite one gets the tuning it does not name
     * itself), else SQLite under {@code dataDir}.
     */
    public static String resolve(String jdbcUrl, Path dataDir, SqliteTuning tuning) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) return sqliteUrl(dataDir, tuning);
        return Dialect.of(jdbcUrl) == Dialect.SQLITE ? tuning.applyTo(jdbcUrl) : jdbcUrl;
    }
}
