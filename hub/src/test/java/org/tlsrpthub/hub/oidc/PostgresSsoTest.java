package org.tlsrpthub.hub.oidc;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The single sign-on contract on a real PostgreSQL, a fresh database per test. */
class PostgresSsoTest extends SsoContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
