package org.tlsrpthub.hub.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler's generic SQL on SQLite: the same, but SQLite knows {@code LIMIT n} and not the
 * standard {@code OFFSET 0 ROWS FETCH FIRST n ROWS ONLY}. Claims need nothing else: a node claims a
 * due run with an update guarded by the row's version, which only one claimant can win.
 */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {
    SqliteJdbcCustomization() {
        super(true); // timestamps in UTC
    }

    @Override
    public String getName() {
        return "SQLite";
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }
}
