package org.tlsrpthub.hub.notifications;

import org.tlsrpthub.hub.testsupport.PostgresServer;

/** The notification contract on PostgreSQL, a fresh database per test. */
class PostgresNotificationTest extends NotificationContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }
}
