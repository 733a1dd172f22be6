package org.tlsrpthub.hub.http;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** U+0000 in a report's strings on SQLite, a fresh file per test. */
class SqliteNulCharacterTest extends NulCharacterContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
