package org.tlsrpthub.hub.ownership;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The ownership contract on a real PostgreSQL, a fresh database per test. */
class PostgresOwnershipTest extends OwnershipContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
