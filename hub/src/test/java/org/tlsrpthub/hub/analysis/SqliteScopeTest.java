package org.tlsrpthub.hub.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The organisation filters on SQLite. */
class SqliteScopeTest extends ScopeContract {
    @TempDir
    static Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
