package org.tlsrpthub.hub.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.tlsrpthub.hub.testsupport.PostgresServer;

/** PostgreSQL: another session holds an EXCLUSIVE lock on raw_input longer than the hub's lock_timeout. */
class PostgresHeldWriteLockTest extends HeldWriteLockContract {
    private String url;

    @Override
    protected String impatientDatabaseUrl() {
        String fresh = PostgresServer.freshDatabaseUrl();
        url = fresh;
        return fresh + (fresh.contains("?") ? "&" : "?") + "options=-c%20lock_timeout=200";
    }

    @Override
    protected AutoCloseable holdWriteLock() throws Exception {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE raw_input IN EXCLUSIVE MODE");
        }
        return () -> {
            try (c) {
                c.rollback();
            }
        };
    }
}
