package org.tlsrpthub.hub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Adds reports stored before migration V63 to the policy rollups, when the store opens: the key of
 * an applied policy is a hash, which SQL cannot compute on SQLite. Reads the stored rows
 * ({@link StoredReport}), never the raw inputs; pages of reports in id order, each in its own
 * transaction with the position it reached, so an interrupted run resumes where it stopped. A store
 * with nothing left to add costs one update of an empty table. Nodes that open the store at the same
 * time take turns page by page ({@link PolicyRollupSql#BACKFILL_CLAIM}).
 */
final class PolicyRollupBackfill {
    private static final int PAGE = 500;

    private PolicyRollupBackfill() {}

    /** Adds every report not yet counted; returns how many. */
    static long run(Database db) throws SQLException {
        return run(db, PAGE);
    }

    /** As above, {@code page} reports per transaction. */
    static long run(Database db, int page) throws SQLException {
        long added = 0;
        while (true) {
            int n = db.inTransaction(c -> {
                long next, last;
                try (PreparedStatement claim = c.prepareStatement(PolicyRollupSql.BACKFILL_CLAIM)) {
                    if (claim.executeUpdate() == 0) return -1; // nothing (left) to add
                }
                try (PreparedStatement ps = c.prepareStatement(PolicyRollupSql.BACKFILL_STATE);
                        ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return -1;
                    next = rs.getLong(1);
                    last = rs.getLong(2);
                }
                PolicyRollups rollups = new PolicyRollups();
                int count = 0;
                long reached = next;
                try (PreparedStatement ps = c.prepareStatement(PolicyRollupSql.BACKFILL_PAGE)) {
                    ps.setLong(1, next);
                    ps.setLong(2, last);
                    ps.setInt(3, page);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            rollups.add(StoredReport.read(c, id).report(), rs.getString(2));
                            reached = id + 1;
                            count++;
                        }
                    }
                }
                rollups.upsert(c);
                String sql = count < page ? PolicyRollupSql.BACKFILL_DONE : PolicyRollupSql.BACKFILL_ADVANCE;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    if (count == page) ps.setLong(1, reached);
                    ps.executeUpdate();
                }
                return count;
            });
            if (n < 0) return added;
            added += n;
        }
    }
}
