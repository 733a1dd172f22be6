package org.tlsrpthub.hub.auth;

import org.tlsrpthub.hub.store.Dialect;
import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresUpgradeToOrganisationsTest extends UpgradeToOrganisationsContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRESQL;
    }
}
