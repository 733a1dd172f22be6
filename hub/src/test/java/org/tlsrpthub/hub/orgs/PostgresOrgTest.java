package org.tlsrpthub.hub.orgs;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The organisation contract on a real PostgreSQL, a fresh database per test. */
class PostgresOrgTest extends OrgContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
