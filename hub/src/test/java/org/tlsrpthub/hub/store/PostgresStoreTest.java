package org.tlsrpthub.hub.store;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The store contract on a real PostgreSQL, a fresh database per test. */
class PostgresStoreTest extends StoreContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
