package org.tlsrpthub.hub.alerts;

import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresIncidentLifecycleTest extends IncidentLifecycleContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
