package org.tlsrpthub.hub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives reports stored before migration V30 their content hash and DKIM flag, when the store is
 * opened: SQL alone cannot hash on SQLite, and running after every migration means the hash is of
 * the rows as the newest schema holds them. Pages of reports, each in its own transaction, so an
 * interrupted run resumes where it stopped; a store with nothing to fill costs one index probe.
 *
 * <p>The hash comes from the stored rows ({@link StoredReport}), which hash like a fresh parse of
 * the same report ({@link ContentHash}), unless retention has deleted the report's failure details:
 * then a later copy would differ and be held for review, not dropped. The flag comes from the DKIM
 * verdict kept with the input the report was stored from.
 */
final class ContentHashBackfill {
    private static final int PAGE = 500;

    private record Missing(long id, String reporterKey, String dkimResult) {}

    private ContentHashBackfill() {}

    /** Fills every report without a hash; returns how many. */
    static long run(Database db) throws SQLException {
        long filled = 0;
        while (true) {
            int n = db.inTransaction(c -> {
                List<Missing> page = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(StoreSql.REPORTS_WITHOUT_HASH)) {
                    ps.setInt(1, PAGE);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) page.add(new Missing(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(StoreSql.SET_HASH)) {
                    for (Missing m : page) {
                        StoredReport stored = StoredReport.read(c, m.id());
                        ps.setBytes(1, ContentHash.of(stored.report()));
                        ps.setBoolean(2, ReporterIdentity.verified(m.reporterKey(), m.dkimResult()));
                        ps.setLong(3, m.id());
                        ps.addBatch();
                    }
                    if (!page.isEmpty()) ps.executeBatch();
                }
                return page.size();
            });
            filled += n;
            if (n < PAGE) return filled;
        }
    }
}
