package org.tlsrpthub.hub.readiness;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The stored MTA-STS column on a real PostgreSQL, a fresh database per test. */
class PostgresStoredColumnTest extends StoredColumnContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
