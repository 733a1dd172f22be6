package org.tlsrpthub.hub.alerts;

import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresGroupedEvaluationTest extends GroupedEvaluationContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
