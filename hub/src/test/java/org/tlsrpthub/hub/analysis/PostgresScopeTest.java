package org.tlsrpthub.hub.analysis;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The organisation filters on a real PostgreSQL. */
class PostgresScopeTest extends ScopeContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
