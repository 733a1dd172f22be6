package org.tlsrpthub.hub.jobs;

import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresJobsTest extends JobsContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
