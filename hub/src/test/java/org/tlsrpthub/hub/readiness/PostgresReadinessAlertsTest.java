package org.tlsrpthub.hub.readiness;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The MTA-STS alert rules on a real PostgreSQL, a fresh database per test. */
class PostgresReadinessAlertsTest extends ReadinessAlertsContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
