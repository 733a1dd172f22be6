package org.tlsrpthub.hub.http;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** U+0000 in a report's strings on a real PostgreSQL, a fresh database per test. */
class PostgresNulCharacterTest extends NulCharacterContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
