package org.tlsrpthub.hub.checks;

import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresCheckStoreTest extends CheckStoreContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
