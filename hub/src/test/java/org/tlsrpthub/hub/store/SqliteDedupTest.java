package org.tlsrpthub.hub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The dedup contract on SQLite, a fresh file per test. */
class SqliteDedupTest extends DedupContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
