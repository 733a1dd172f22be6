package org.tlsrpthub.hub.readiness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.store.Database;

/**
 * The overview's MTA-STS column kept in {@code readiness_column} (migration V66), so that a page only
 * reads it, on every node and after a restart alike. A row is recomputed, with the one verdict of
 * {@link ReadinessService}, when its stamp no longer matches: a new or replaced report, a new live
 * check or a new hosted version; or when it was deleted ({@link #invalidate}). The rows of an earlier
 * UTC day are still shown until the {@code readiness-column} job has recomputed them, which keeps
 * the first pages after midnight or after a start from judging every domain.
 */
final class StoredColumns {
    /** The verdict of one domain at an instant, on the caller's connection. */
    @FunctionalInterface
    interface Judge {
        Readiness judge(Connection c, String domain, Instant at) throws SQLException;
    }

    /** The inputs a row was judged on; a row is reused while they are equal. */
    private record Stamp(long reports, long storedAt, long successful, long failed, long checkId, long hostedVersion) {}

    private record Row(String domain, Stamp now, Stamp stored, int storedDay, MtaStsColumn column) {}

    private final Database db;
    private final Clock clock;
    private final Judge judge;

    StoredColumns(Database db, Clock clock, Judge judge) {
        this.db = db;
        this.clock = clock;
        this.judge = judge;
    }

    /** The column of the given domains (those of a page); domains without reports get none. */
    Map<String, MtaStsColumn> read(List<String> domains) throws SQLException {
        Map<String, MtaStsColumn> out = new HashMap<>();
        if (domains.isEmpty()) return out;
        Instant now = clock.instant();
        List<Row> rows = db.withConnection(c -> rows(c, domains));
        List<Row> stale = new ArrayList<>();
        for (Row r : rows) {
            if (r.column() != null && r.now().equals(r.stored())) out.put(r.domain(), r.column());
            else stale.add(r);
        }
        out.putAll(recompute(stale, now));
        return out;
    }

    /** The job's run: recomputes every row that is missing, stale or of an earlier UTC day. */
    String refresh() throws SQLException {
        Instant now = clock.instant();
        int today = day(now);
        List<Row> rows = db.withConnection(c -> rows(c, null));
        List<Row> stale = rows.stream().filter(r -> r.column() == null || !r.now().equals(r.stored()) || r.storedDay() < today).toList();
        recompute(stale, now);
        return "judged " + stale.size() + " of " + rows.size() + " domains' MTA-STS column";
    }

    /** Forgets a domain's row: the next page (or job run) judges it again. Safe in the caller's transaction. */
    static void invalidate(Connection c, String domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.DELETE_COLUMN)) {
            ps.setString(1, domain);
            ps.executeUpdate();
        }
    }

    /**
     * Judges the rows and stores them. The stamps were read before the verdicts' data, so a row is
     * never newer than its stamp says: a report stored meanwhile changes the stamp and is judged next time.
     */
    private Map<String, MtaStsColumn> recompute(List<Row> rows, Instant now) throws SQLException {
        Map<String, MtaStsColumn> out = new HashMap<>();
        if (rows.isEmpty()) return out;
        db.withConnection(c -> {
            for (Row r : rows) out.put(r.domain(), MtaStsColumn.of(judge.judge(c, r.domain(), now)));
            return null;
        });
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(ReadinessSql.UPSERT_COLUMN)) {
                for (Row r : rows) {
                    MtaStsColumn col = out.get(r.domain());
                    Stamp s = r.now();
                    ps.setString(1, r.domain());
                    ps.setString(2, col.mode());
                    ps.setString(3, col.verdict() == null ? null : col.verdict().id());
                    ps.setInt(4, day(now));
                    ps.setLong(5, s.reports());
                    ps.setLong(6, s.storedAt());
                    ps.setLong(7, s.successful());
                    ps.setLong(8, s.failed());
                    ps.setLong(9, s.checkId());
                    ps.setLong(10, s.hostedVersion());
                    ps.setLong(11, now.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return out;
    }

    /** @param domains null for every domain with reports */
    private static List<Row> rows(Connection c, List<String> domains) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(domains == null ? ReadinessSql.COLUMN_STAMPS : ReadinessSql.columnStamps(domains.size()))) {
            if (domains != null) for (int i = 0; i < domains.size(); i++) ps.setString(i + 1, domains.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stamp now = new Stamp(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                    boolean stored = rs.getString(8) != null;
                    Stamp was = stored ? new Stamp(rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15)) : null;
                    MtaStsColumn column = stored ? new MtaStsColumn(rs.getString(16), verdict(rs.getString(17))) : null;
                    out.add(new Row(rs.getString(1), now, was, stored ? rs.getInt(9) : Integer.MIN_VALUE, column));
                }
            }
        }
        return out;
    }

    private static Verdict verdict(String id) {
        if (id == null) return null;
        for (Verdict v : Verdict.values()) if (v.id().equals(id)) return v;
        return null; // a verdict this version does not know: judged again as stale would be wrong, shown as none
    }

    private static int day(Instant at) {
        return (int) at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }
}
