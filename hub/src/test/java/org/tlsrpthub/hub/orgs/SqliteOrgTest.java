package org.tlsrpthub.hub.orgs;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.DatabaseLocation;

class SqliteOrgTest extends OrgContract {
    @TempDir Path dir;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
