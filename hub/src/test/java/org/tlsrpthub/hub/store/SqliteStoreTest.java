package org.tlsrpthub.hub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, a fresh file per test. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
