package org.tlsrpthub.hub.store;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The policy rollup backfill on a real PostgreSQL, a fresh database per test. */
class PostgresPolicyRollupBackfillTest extends PolicyRollupBackfillContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
