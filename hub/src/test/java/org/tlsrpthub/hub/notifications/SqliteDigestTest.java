package org.tlsrpthub.hub.notifications;

import org.tlsrpthub.hub.store.DatabaseLocation;

class SqliteDigestTest extends DigestContract {
    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir.resolve("db"));
    }
}
