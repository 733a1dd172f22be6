package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * Every rollup cell one transaction adds: {@code rollup_daily} (per reporter, V1) and the
 * dashboard's tables (V20: per domain and day or month, per dimension value, per domain over all
 * time). Summed in memory first and upserted once per cell in key order, so that concurrent
 * writers on PostgreSQL cannot deadlock on rollup rows.
 *
 * <p>A report counts on the UTC day its range starts: reports cover one day (RFC 8460 §4.4), and
 * a longer one cannot say how its sessions fell over its days. The pages and docs/api.md say so.
 */
final class Rollups {
    private record DomainDay(String domain, int day) implements Comparable<DomainDay> {
        @Override
        public int compareTo(DomainDay o) {
            int c = Integer.compare(day, o.day);
            return c != 0 ? c : domain.compareTo(o.domain);
        }
    }

    private record Dimension(String domain, int day, String dimension, String value, String kind)
            implements Comparable<Dimension> {
        @Override
        public int compareTo(Dimension o) {
            int c = domain.compareTo(o.domain);
            if (c == 0) c = Integer.compare(day, o.day);
            if (c == 0) c = dimension.compareTo(o.dimension);
            if (c == 0) c = value.compareTo(o.value);
            if (c == 0) c = kind.compareTo(o.kind);
            return c;
        }
    }

    private final Map<RollupKey, Long> reporterCells = new TreeMap<>();
    /** reports, successful, failed. */
    private final Map<DomainDay, long[]> domainDays = new TreeMap<>();
    /** The same keyed by the epoch day of the month's first day. */
    private final Map<DomainDay, long[]> domainMonths = new TreeMap<>();
    private final Map<Dimension, Long> dimensions = new TreeMap<>();
    /** last range end, last stored at, reports, successful, failed. */
    private final Map<String, long[]> totals = new TreeMap<>();
    /** Domains that replaced reports no longer mention (see {@link #replace}). */
    private final Set<String> domainsLeft = new TreeSet<>();

    void add(Report report, String reporter, long storedAt) {
        add(report, reporter, storedAt, 1);
    }

    /**
     * What replacing a stored report's contents changes: the new contribution minus the old one.
     * The newest report of a domain is a maximum, which subtraction cannot undo: domains the
     * report no longer mentions are remembered and recomputed by {@link #deleteEmpty}.
     */
    void replace(Report old, Report fresh, String reporter, long storedAt) {
        add(old, reporter, storedAt, -1);
        add(fresh, reporter, storedAt, 1);
        Set<String> left = domains(old);
        left.removeAll(domains(fresh));
        domainsLeft.addAll(left);
    }

    private static Set<String> domains(Report report) {
        Set<String> out = new HashSet<>();
        for (PolicyResult p : report.policies()) out.add(domainOf(p));
        return out;
    }

    private static String domainOf(PolicyResult p) {
        return p.policy().domain() == null ? "" : p.policy().domain();
    }

    private void add(Report report, String reporter, long storedAt, long sign) {
        LocalDate date = report.dateRange().start().atZone(ZoneOffset.UTC).toLocalDate();
        int day = (int) date.toEpochDay();
        int month = (int) date.withDayOfMonth(1).toEpochDay();
        long end = report.dateRange().end().toEpochMilli();
        Set<String> domains = new HashSet<>();
        for (PolicyResult p : report.policies()) {
            String domain = domainOf(p);
            long[] daily = domainDays.computeIfAbsent(new DomainDay(domain, day), k -> new long[3]);
            long[] monthly = domainMonths.computeIfAbsent(new DomainDay(domain, month), k -> new long[3]);
            long[] total = totals.computeIfAbsent(domain, k -> new long[] {end, storedAt, 0, 0, 0});
            if (domains.add(domain)) { // a report with two policies for one domain is one report about it
                add(new RollupKey(day, domain, reporter, RollupKey.REPORTS, "", ""), sign);
                daily[0] += sign;
                monthly[0] += sign;
                total[0] = Math.max(total[0], end);
                total[1] = Math.max(total[1], storedAt);
                total[2] += sign;
            }
            long ok = sign * p.summary().totalSuccessfulSessionCount();
            long failed = sign * p.summary().totalFailureSessionCount();
            add(new RollupKey(day, domain, reporter, RollupKey.SUCCESS, "", ""), ok);
            add(new RollupKey(day, domain, reporter, RollupKey.FAILURE, "", ""), failed);
            daily[1] += ok;
            daily[2] += failed;
            monthly[1] += ok;
            monthly[2] += failed;
            total[3] += ok;
            total[4] += failed;
            String type = p.policy().type().value();
            add(new Dimension(domain, day, RollupDimension.POLICY_TYPE, type, "S"), ok);
            add(new Dimension(domain, day, RollupDimension.POLICY_TYPE, type, "F"), failed);
            for (FailureDetail d : p.failureDetails()) {
                long n = sign * d.failedSessionCount();
                String mx = d.receivingMxHostname() == null ? "" : d.receivingMxHostname();
                String ip = d.sendingMtaIp() == null ? "" : d.sendingMtaIp();
                add(new RollupKey(day, domain, reporter, RollupKey.DETAIL, d.resultType().value(), mx), n);
                add(new Dimension(domain, day, RollupDimension.SENDING_IP, ip, "D"), n);
                add(new Dimension(domain, day, RollupDimension.RESULT_TYPE, d.resultType().value(), "D"), n);
            }
        }
    }

    // A cell that nets to zero (a replacement that did not change it) is dropped: nothing to write.
    private void add(RollupKey key, long n) {
        if (n != 0) reporterCells.merge(key, n, (a, b) -> a + b == 0 ? null : a + b);
    }

    private void add(Dimension key, long n) {
        if (n != 0) dimensions.merge(key, n, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Adds every cell to the stored rollups, in the transaction open on {@code c}. */
    void upsert(Connection c) throws SQLException {
        if (!reporterCells.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(StoreSql.UPSERT_ROLLUP)) {
                for (Map.Entry<RollupKey, Long> e : reporterCells.entrySet()) {
                    setRollupKey(ps, e.getKey());
                    ps.setLong(7, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        upsertDomainTotals(c, StoreSql.UPSERT_DOMAIN_DAY, domainDays);
        upsertDomainTotals(c, StoreSql.UPSERT_DOMAIN_MONTH, domainMonths);
        if (!dimensions.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(StoreSql.UPSERT_DIMENSION)) {
                for (Map.Entry<Dimension, Long> e : dimensions.entrySet()) {
                    setDimension(ps, e.getKey());
                    ps.setLong(6, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!totals.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(StoreSql.UPSERT_DOMAIN_TOTAL)) {
                for (Map.Entry<String, long[]> e : totals.entrySet()) {
                    // the maxima need no write when the counts do not change: the report was counted already
                    if (isZero(e.getValue(), 2)) continue;
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < 5; i++) ps.setLong(i + 2, e.getValue()[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void upsertDomainTotals(Connection c, String sql, Map<DomainDay, long[]> cells) throws SQLException {
        if (cells.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<DomainDay, long[]> e : cells.entrySet()) {
                if (isZero(e.getValue(), 0)) continue; // a replacement that left the cell as it was
                ps.setInt(1, e.getKey().day());
                ps.setString(2, e.getKey().domain());
                ps.setLong(3, e.getValue()[0]);
                ps.setLong(4, e.getValue()[1]);
                ps.setLong(5, e.getValue()[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setRollupKey(PreparedStatement ps, RollupKey k) throws SQLException {
        ps.setInt(1, k.day());
        ps.setString(2, k.policyDomain());
        ps.setString(3, k.reporterKey());
        ps.setString(4, k.kind());
        ps.setString(5, k.resultType());
        ps.setString(6, k.receivingMx());
    }

    private static void setDimension(PreparedStatement ps, Dimension k) throws SQLException {
        ps.setString(1, k.domain());
        ps.setInt(2, k.day());
        ps.setString(3, k.dimension());
        ps.setString(4, k.value());
        ps.setString(5, k.kind());
    }

    private static boolean isZero(long[] counts, int from) {
        for (int i = from; i < counts.length; i++) if (counts[i] != 0) return false;
        return true;
    }

    /**
     * After {@link #upsert} of replacements: removes the cells that fell to nothing (ingest never
     * writes empty cells, and the raw rows have nothing there) and recomputes the newest report of
     * domains a replaced report left.
     */
    void deleteEmpty(Connection c) throws SQLException {
        if (!reporterCells.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(StoreSql.DELETE_ROLLUP_IF_EMPTY)) {
                for (RollupKey k : reporterCells.keySet()) {
                    setRollupKey(ps, k);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        deleteEmpty(c, StoreSql.DELETE_DOMAIN_DAY_IF_EMPTY, domainDays);
        deleteEmpty(c, StoreSql.DELETE_DOMAIN_MONTH_IF_EMPTY, domainMonths);
        if (!dimensions.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(StoreSql.DELETE_DIMENSION_IF_EMPTY)) {
                for (Dimension k : dimensions.keySet()) {
                    setDimension(ps, k);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!domainsLeft.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement(StoreSql.DELETE_DOMAIN_TOTAL_IF_EMPTY);
                    PreparedStatement last = c.prepareStatement(StoreSql.RECOMPUTE_DOMAIN_LAST)) {
                for (String domain : domainsLeft) {
                    delete.setString(1, domain);
                    delete.addBatch();
                    last.setString(1, domain);
                    last.setString(2, domain);
                    last.setString(3, domain);
                    last.addBatch();
                }
                delete.executeBatch();
                last.executeBatch();
            }
        }
    }

    private static void deleteEmpty(Connection c, String sql, Map<DomainDay, long[]> cells) throws SQLException {
        if (cells.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (DomainDay k : cells.keySet()) {
                ps.setInt(1, k.day());
                ps.setString(2, k.domain());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
