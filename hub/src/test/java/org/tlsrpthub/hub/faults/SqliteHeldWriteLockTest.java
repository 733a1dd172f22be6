package org.tlsrpthub.hub.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.SqliteTuning;

/** SQLite: another connection holds BEGIN IMMEDIATE longer than the hub's busy_timeout. */
class SqliteHeldWriteLockTest extends HeldWriteLockContract {
    private String url;

    @Override
    protected String impatientDatabaseUrl() {
        url = DatabaseLocation.sqliteUrl(dir.resolve("data"), new SqliteTuning("full", 100));
        return url;
    }

    @Override
    protected AutoCloseable holdWriteLock() throws Exception {
        Connection c = DriverManager.getConnection(url);
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        return () -> {
            try (c; Statement st = c.createStatement()) {
                st.execute("ROLLBACK");
            }
        };
    }
}
