package org.tlsrpthub.hub.ownership;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The ownership contract on SQLite, a fresh file per test. */
class SqliteOwnershipTest extends OwnershipContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
