package org.tlsrpthub.hub.auth;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Dialect;

class SqliteUpgradeToOrganisationsTest extends UpgradeToOrganisationsContract {
    @TempDir Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }

    @Override
    protected Dialect dialect() {
        return Dialect.SQLITE;
    }
}
