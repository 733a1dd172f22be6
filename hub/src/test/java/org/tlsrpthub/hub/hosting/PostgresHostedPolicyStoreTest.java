package org.tlsrpthub.hub.hosting;

import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresHostedPolicyStoreTest extends HostedPolicyStoreContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
