package org.tlsrpthub.hub.readiness;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The policy cells read on a real PostgreSQL, a fresh database per test. */
class PostgresPolicyCellsTest extends PolicyCellsContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
