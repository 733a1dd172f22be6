package org.tlsrpthub.hub.jobs;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.tlsrpthub.hub.store.Database;

/** The run ledger: a row per run, written when it starts and completed when it ends. */
final class JobRuns {
    private final Database db;
    private final Clock clock;

    JobRuns(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Started(String task, long scheduledFor, String node, long startedAt) {}

    Started start(String task, Instant scheduledFor, String node) throws SQLException {
        Started s = new Started(task, scheduledFor.toEpochMilli(), node, clock.millis());
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(JobSql.START)) {
                ps.setString(1, s.task());
                ps.setLong(2, s.scheduledFor());
                ps.setString(3, s.node());
                ps.setLong(4, s.startedAt());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(JobSql.TRIM)) {
                ps.setString(1, task);
                ps.setString(2, task);
                ps.executeUpdate();
            }
            return null;
        });
        return s;
    }

    void finish(Started s, boolean ok, String detail) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(JobSql.FINISH)) {
                ps.setLong(1, clock.millis());
                ps.setString(2, ok ? "ok" : "failed");
                ps.setString(3, detail);
                ps.setString(4, s.task());
                ps.setLong(5, s.scheduledFor());
                ps.setString(6, s.node());
                ps.setLong(7, s.startedAt());
                return ps.executeUpdate();
            }
        });
    }
}
