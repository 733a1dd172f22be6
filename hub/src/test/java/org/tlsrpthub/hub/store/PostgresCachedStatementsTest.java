package org.tlsrpthub.hub.store;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The cached-statements read on a real PostgreSQL, a fresh database per test. */
class PostgresCachedStatementsTest extends CachedStatementsContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
