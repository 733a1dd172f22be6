package org.tlsrpthub.hub.hosting;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** Promote, rollback and status on a real PostgreSQL, a fresh database per test. */
class PostgresPromoteRollbackTest extends PromoteRollbackContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
