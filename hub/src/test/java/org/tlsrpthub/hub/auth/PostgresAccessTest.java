package org.tlsrpthub.hub.auth;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The access contract on a real PostgreSQL (V10__auth.sql in its dialect), a fresh database per test. */
class PostgresAccessTest extends AccessContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
