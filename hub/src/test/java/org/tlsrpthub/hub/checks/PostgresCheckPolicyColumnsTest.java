package org.tlsrpthub.hub.checks;

import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresCheckPolicyColumnsTest extends CheckPolicyColumnsContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
