package org.tlsrpthub.hub.store;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The dedup contract on a real PostgreSQL, a fresh database per test. */
class PostgresDedupTest extends DedupContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
