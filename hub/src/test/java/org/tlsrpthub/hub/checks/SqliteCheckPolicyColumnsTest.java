package org.tlsrpthub.hub.checks;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

class SqliteCheckPolicyColumnsTest extends CheckPolicyColumnsContract {
    @TempDir Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
