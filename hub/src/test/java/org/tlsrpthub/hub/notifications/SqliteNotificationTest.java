package org.tlsrpthub.hub.notifications;

import org.tlsrpthub.hub.store.DatabaseLocation;

/** The notification contract on SQLite, a fresh file per test. */
class SqliteNotificationTest extends NotificationContract {
    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir.resolve("db"));
    }
}
