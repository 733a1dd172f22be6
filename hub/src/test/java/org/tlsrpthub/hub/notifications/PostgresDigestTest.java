package org.tlsrpthub.hub.notifications;

import org.tlsrpthub.hub.testsupport.PostgresServer;

class PostgresDigestTest extends DigestContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
