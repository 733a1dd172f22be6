package org.tlsrpthub.hub.jobs;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

class SqliteJobsTest extends JobsContract {
    @TempDir Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
