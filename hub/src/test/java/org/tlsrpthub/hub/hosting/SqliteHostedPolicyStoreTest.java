package org.tlsrpthub.hub.hosting;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

class SqliteHostedPolicyStoreTest extends HostedPolicyStoreContract {
    @TempDir Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
