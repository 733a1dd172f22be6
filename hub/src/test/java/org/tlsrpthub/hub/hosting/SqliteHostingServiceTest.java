package org.tlsrpthub.hub.hosting;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** Hosting and editing on SQLite, a fresh file per test. */
class SqliteHostingServiceTest extends HostingServiceContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
