package org.tlsrpthub.hub.store;

import java.util.Locale;

/** The two databases the hub runs on. Everything dialect-specific is named here or in the migrations. */
public enum Dialect {
    SQLITE("classpath:db/migration/sqlite"),
    POSTGRESQL("classpath:db/migration/postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    public static Dialect of(String jdbcUrl) {
        String u = jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:sqlite:")) return SQLITE;
        if (u.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite:… or jdbc:postgresql:…): " + jdbcUrl);
    }

    /** The database a connection (pooled, or wrapped by the statement cache) talks to. */
    public static Dialect of(java.sql.Connection c) throws java.sql.SQLException {
        return c.isWrapperFor(org.sqlite.SQLiteConnection.class) ? SQLITE : POSTGRESQL;
    }

    String migrations() {
        return migrations;
    }

    /** SQLState values after which the whole transaction may simply be run again. */
    boolean isRetryable(java.sql.SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s) {
                String state = s.getSQLState();
                // PostgreSQL: serialization failure, deadlock detected
                if ("40001".equals(state) || "40P01".equals(state)) return true;
                // SQLite: SQLITE_BUSY / SQLITE_LOCKED after busy_timeout ran out
                if (this == SQLITE && (s.getErrorCode() == 5 || s.getErrorCode() == 6)) return true;
            }
        }
        return false;
    }
}
