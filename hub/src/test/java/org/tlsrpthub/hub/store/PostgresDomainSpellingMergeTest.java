package org.tlsrpthub.hub.store;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** Migration V31 on a real PostgreSQL. */
class PostgresDomainSpellingMergeTest extends DomainSpellingMergeContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
