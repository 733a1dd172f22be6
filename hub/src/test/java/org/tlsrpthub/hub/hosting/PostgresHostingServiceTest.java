package org.tlsrpthub.hub.hosting;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** Hosting and editing on a real PostgreSQL, a fresh database per test. */
class PostgresHostingServiceTest extends HostingServiceContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
