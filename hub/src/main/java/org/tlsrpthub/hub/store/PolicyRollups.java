package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * The cells of {@code rollup_policy_daily} and the rows of {@code rollup_policy_applied}
 * (migration V63) that one transaction adds: sessions per domain, day, reporter and applied policy,
 * what the readiness verdict reads; the first and last day of each reporter's policy in
 * {@code rollup_policy_span} (V68); and a new revision of each domain and day changed (V72). Summed
 * in memory and upserted in key order, as {@link Rollups} does, so that concurrent writers on
 * PostgreSQL cannot deadlock. A report counts on the UTC day its range starts, as in every rollup.
 */
final class PolicyRollups {
    record Cell(String domain, int day, String reporter, String policyKey, String kind, String resultType, String mx) {}

    private record Applied(String domain, String key, String type, String strings, String mx) {}

    /** One row of {@code rollup_policy_span}: which reporter applied which policy to which domain. */
    private record SpanKey(String domain, String reporter, String policyKey) implements Comparable<SpanKey> {
        private static final Comparator<SpanKey> ORDER = Comparator.comparing(SpanKey::domain).thenComparing(SpanKey::reporter)
                .thenComparing(SpanKey::policyKey);

        @Override
        public int compareTo(SpanKey o) {
            return ORDER.compare(this, o);
        }
    }

    private static final Comparator<Cell> KEY_ORDER = Comparator.comparing(Cell::domain).thenComparingInt(Cell::day)
            .thenComparing(Cell::reporter).thenComparing(Cell::policyKey).thenComparing(Cell::kind)
            .thenComparing(Cell::resultType).thenComparing(Cell::mx);

    private final Map<Cell, Long> cells = new TreeMap<>(KEY_ORDER);
    private final Map<String, Applied> applied = new TreeMap<>();

    void add(Report report, String reporter) {
        add(report, reporter, 1);
    }

    /** What replacing a stored report's contents changes: the new contribution minus the old one. */
    void replace(Report old, Report fresh, String reporter) {
        add(old, reporter, -1);
        add(fresh, reporter, 1);
    }

    private void add(Report report, String reporter, long sign) {
        int day = (int) report.dateRange().start().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        Set<String> counted = new HashSet<>();
        for (PolicyResult p : report.policies()) {
            String domain = p.policy().domain() == null ? "" : p.policy().domain();
            String type = p.policy().type().value();
            String key = PolicyKey.of(type, p.policy().policyStrings(), p.policy().mxHosts());
            if (sign > 0) {
                applied.putIfAbsent(domain + '\0' + key, new Applied(domain, key, type,
                        String.join("\n", p.policy().policyStrings()), String.join("\n", p.policy().mxHosts())));
            }
            if (counted.add(domain + '\0' + key)) add(new Cell(domain, day, reporter, key, "R", "", ""), sign);
            add(new Cell(domain, day, reporter, key, "S", "", ""), sign * p.summary().totalSuccessfulSessionCount());
            add(new Cell(domain, day, reporter, key, "F", "", ""), sign * p.summary().totalFailureSessionCount());
            for (FailureDetail d : p.failureDetails()) {
                String mx = d.receivingMxHostname() == null ? "" : d.receivingMxHostname();
                add(new Cell(domain, day, reporter, key, "D", d.resultType().value(), mx), sign * d.failedSessionCount());
            }
        }
    }

    private void add(Cell cell, long n) {
        if (n != 0) cells.merge(cell, n, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Adds every cell, in the transaction open on {@code c}, and widens the spans of the reports added. */
    void upsert(Connection c) throws SQLException {
        if (!applied.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(PolicyRollupSql.INSERT_APPLIED)) {
                for (Applied a : applied.values()) {
                    ps.setString(1, a.domain());
                    ps.setString(2, a.key());
                    ps.setString(3, a.type());
                    ps.setString(4, a.strings());
                    ps.setString(5, a.mx());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (cells.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(PolicyRollupSql.UPSERT_CELL)) {
            for (Map.Entry<Cell, Long> e : cells.entrySet()) {
                setCell(ps, e.getKey());
                ps.setLong(8, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        bumpRevisions(c);
        widenSpans(c);
    }

    /** One bump per domain and day whose cells this transaction changes (cells that sum to nothing were dropped). */
    private void bumpRevisions(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PolicyRollupSql.BUMP_REVISION)) {
            Cell last = null;
            for (Cell k : cells.keySet()) {
                if (last != null && last.day() == k.day() && last.domain().equals(k.domain())) continue;
                ps.setString(1, k.domain());
                ps.setInt(2, k.day());
                ps.addBatch();
                last = k;
            }
            ps.executeBatch();
        }
    }

    private void widenSpans(Connection c) throws SQLException {
        Map<SpanKey, int[]> added = new TreeMap<>();
        for (Map.Entry<Cell, Long> e : cells.entrySet()) {
            Cell k = e.getKey();
            if (!k.kind().equals("R") || e.getValue() <= 0) continue;
            int[] span = added.computeIfAbsent(new SpanKey(k.domain(), k.reporter(), k.policyKey()), x -> new int[] {k.day(), k.day()});
            span[0] = Math.min(span[0], k.day());
            span[1] = Math.max(span[1], k.day());
        }
        if (added.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(PolicyRollupSql.WIDEN_SPAN)) {
            for (Map.Entry<SpanKey, int[]> e : added.entrySet()) {
                setSpan(ps, e.getKey());
                ps.setInt(4, e.getValue()[0]);
                ps.setInt(5, e.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * After {@link #upsert} of replacements: removes the cells that fell to nothing, and reads again
     * from the cells the span of every reporter's policy whose report cells changed (a replaced
     * report may take a span's first or last day away).
     */
    void deleteEmpty(Connection c) throws SQLException {
        if (cells.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(PolicyRollupSql.DELETE_CELL_IF_EMPTY)) {
            for (Cell cell : cells.keySet()) {
                setCell(ps, cell);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Set<SpanKey> changed = new TreeSet<>();
        for (Cell k : cells.keySet()) if (k.kind().equals("R")) changed.add(new SpanKey(k.domain(), k.reporter(), k.policyKey()));
        if (changed.isEmpty()) return;
        try (PreparedStatement delete = c.prepareStatement(PolicyRollupSql.DELETE_SPAN);
                PreparedStatement insert = c.prepareStatement(PolicyRollupSql.SPAN_FROM_CELLS)) {
            for (SpanKey k : changed) {
                setSpan(delete, k);
                delete.addBatch();
                setSpan(insert, k);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    private static void setSpan(PreparedStatement ps, SpanKey k) throws SQLException {
        ps.setString(1, k.domain());
        ps.setString(2, k.reporter());
        ps.setString(3, k.policyKey());
    }

    private static void setCell(PreparedStatement ps, Cell k) throws SQLException {
        ps.setString(1, k.domain());
        ps.setInt(2, k.day());
        ps.setString(3, k.reporter());
        ps.setString(4, k.policyKey());
        ps.setString(5, k.kind());
        ps.setString(6, k.resultType());
        ps.setString(7, k.mx());
    }
}
