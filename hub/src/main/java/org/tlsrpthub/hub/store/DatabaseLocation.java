package org.tlsrpthub.hub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the store lives when no JDBC URL is given: an SQLite file in the data directory. */
public final class DatabaseLocation {
    public static final String SQLITE_FILE = "tlsrpt-hub.db";

    private DatabaseLocation() {}

    /**
     * The SQLite URL for {@code dataDir}, creating the directory. WAL lets readers run beside the
     * writer; synchronous=NORMAL in WAL mode survives a killed process (not a power cut: see
     * docs); IMMEDIATE transactions take the write lock up front so two writers wait instead of
     * failing on a lock upgrade; a 64 MB page cache keeps the dedup
     * indexes (random keys) in memory during large imports.
     */
    public static String sqliteUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath()
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=30000&foreign_keys=true&transaction_mode=IMMEDIATE&cache_size=-65536";
    }

    /** The URL to use: an explicit one if given, else SQLite under {@code dataDir}. */
    public static String resolve(String jdbcUrl, Path dataDir) {
        return jdbcUrl != null && !jdbcUrl.isBlank() ? jdbcUrl : sqliteUrl(dataDir);
    }
}
