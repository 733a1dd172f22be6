package org.tlsrpthub.hub.readiness;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The policy cells read on SQLite, a fresh file per test. */
class SqlitePolicyCellsTest extends PolicyCellsContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
