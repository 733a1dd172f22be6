package org.tlsrpthub.hub.readiness;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The readiness verdicts on a real PostgreSQL, a fresh database per test. */
class PostgresReadinessTest extends ReadinessContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
