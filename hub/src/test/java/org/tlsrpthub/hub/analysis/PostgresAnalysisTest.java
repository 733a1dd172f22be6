package org.tlsrpthub.hub.analysis;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The dashboard queries on a real PostgreSQL. */
class PostgresAnalysisTest extends AnalysisContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
