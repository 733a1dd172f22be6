package org.tlsrpthub.hub.oidc;

import org.tlsrpthub.hub.store.DatabaseLocation;

/** The single sign-on contract on SQLite. */
class SqliteSsoTest extends SsoContract {
    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir);
    }
}
