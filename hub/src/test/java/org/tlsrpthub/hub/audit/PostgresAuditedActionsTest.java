package org.tlsrpthub.hub.audit;

import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresAuditedActionsTest extends AuditedActionsContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
