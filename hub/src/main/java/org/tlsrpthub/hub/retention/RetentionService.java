package org.tlsrpthub.hub.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.store.Database;

/**
 * Deletes raw inputs received, and failure details of reports ending, more than N days ago, and
 * quarantined junk whose expiry has passed (see {@link JunkQuarantine}). Reports, policies and the
 * rollups stay, so dashboards and summaries keep their history.
 */
public final class RetentionService {
    private final Database db;
    private final Clock clock;

    public RetentionService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What was (or, in a dry run, would be) deleted. */
    public record Result(Instant cutoff, long rawInputs, long failureDetails, long expiredJunk, boolean dryRun) {}

    public Result apply(int days, boolean dryRun) throws SQLException {
        if (days < 1) throw new IllegalArgumentException("retention must be at least 1 day, not " + days);
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        long ms = cutoff.toEpochMilli();
        Instant now = clock.instant();
        if (dryRun) {
            return db.withConnection(c -> new Result(cutoff, count(c, RetentionSql.COUNT_RAW, ms),
                    count(c, RetentionSql.COUNT_DETAILS, ms), count(c, RetentionSql.COUNT_EXPIRED_JUNK, now.toEpochMilli()),
                    true));
        }
        return db.inTransaction(c -> new Result(cutoff, update(c, RetentionSql.DELETE_RAW, ms),
                update(c, RetentionSql.DELETE_DETAILS, ms), JunkQuarantine.deleteExpired(c, now), false));
    }

    private static long count(Connection c, String sql, long ms) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindEvery(ps, sql, ms);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long update(Connection c, String sql, long ms) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindEvery(ps, sql, ms);
            return ps.executeUpdate();
        }
    }

    // Each statement compares one instant, some of them with two columns.
    private static void bindEvery(PreparedStatement ps, String sql, long ms) throws SQLException {
        int n = (int) sql.chars().filter(ch -> ch == '?').count();
        for (int i = 1; i <= n; i++) ps.setLong(i, ms);
    }
}
