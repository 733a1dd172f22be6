package org.tlsrpthub.hub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The cached-statements read on SQLite, a fresh file per test. */
class SqliteCachedStatementsTest extends CachedStatementsContract {
    @TempDir Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir.resolve("store"));
    }
}
