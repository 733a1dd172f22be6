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
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * The cells of {@code rollup_policy_daily} and the rows of {@code rollup_policy_applied}
 * (migration V63) that one transaction adds: sessions per domain, day, reporter and applied policy,
 * what the readiness verdict reads. Summed in memory and upserted in key order, as {@link Rollups}
 * does, so that concurrent writers on PostgreSQL cannot deadlock. A report counts on the UTC day
 * its range starts, as in every rollup.
 */
final class PolicyRollups {
    record Cell(String domain, int day, String reporter, String policyKey, String kind, String resultType, String mx) {}

    private record Applied(String domain, String key, String type, String strings, String mx) {}

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

    /** Adds every cell, in the transaction open on {@code c}. */
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
    }

    /** After {@link #upsert} of replacements: removes the cells that fell to nothing. */
    void deleteEmpty(Connection c) throws SQLException {
        if (cells.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(PolicyRollupSql.DELETE_CELL_IF_EMPTY)) {
            for (Cell cell : cells.keySet()) {
                setCell(ps, cell);
                ps.addBatch();
            }
            ps.executeBatch();
        }
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
