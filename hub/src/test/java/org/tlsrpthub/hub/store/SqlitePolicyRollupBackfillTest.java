package org.tlsrpthub.hub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The policy rollup backfill on SQLite, a fresh file per test. */
class SqlitePolicyRollupBackfillTest extends PolicyRollupBackfillContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
