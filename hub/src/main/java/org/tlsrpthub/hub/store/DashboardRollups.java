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
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * The dashboard's rollup cells one transaction adds (tables of migration V20): per domain and
 * day, per dimension value, and the newest report per domain. Summed in memory first and upserted
 * in key order, like {@link Rollups}, so concurrent writers cannot deadlock on these rows.
 */
final class DashboardRollups {
    private static final String SENDING_IP = RollupDimension.SENDING_IP;
    private static final String RESULT_TYPE = RollupDimension.RESULT_TYPE;
    private static final String POLICY_TYPE = RollupDimension.POLICY_TYPE;

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

    /** reports, successful, failed. */
    private final Map<DomainDay, long[]> domainDays = new TreeMap<>();
    /** The same keyed by the epoch day of the month's first day. */
    private final Map<DomainDay, long[]> domainMonths = new TreeMap<>();
    private final Map<Dimension, Long> dimensions = new TreeMap<>();
    /** last range end, last stored at, reports, successful, failed. */
    private final Map<String, long[]> totals = new TreeMap<>();

    void add(Report report, long storedAt) {
        LocalDate date = report.dateRange().start().atZone(ZoneOffset.UTC).toLocalDate();
        int day = (int) date.toEpochDay();
        int month = (int) date.withDayOfMonth(1).toEpochDay();
        long end = report.dateRange().end().toEpochMilli();
        Set<String> domains = new HashSet<>();
        for (PolicyResult p : report.policies()) {
            String domain = p.policy().domain() == null ? "" : p.policy().domain();
            long[] daily = domainDays.computeIfAbsent(new DomainDay(domain, day), k -> new long[3]);
            long[] monthly = domainMonths.computeIfAbsent(new DomainDay(domain, month), k -> new long[3]);
            long[] total = totals.computeIfAbsent(domain, k -> new long[] {end, storedAt, 0, 0, 0});
            if (domains.add(domain)) {
                daily[0]++;
                monthly[0]++;
                total[0] = Math.max(total[0], end);
                total[1] = Math.max(total[1], storedAt);
                total[2]++;
            }
            daily[1] += p.summary().totalSuccessfulSessionCount();
            daily[2] += p.summary().totalFailureSessionCount();
            monthly[1] += p.summary().totalSuccessfulSessionCount();
            monthly[2] += p.summary().totalFailureSessionCount();
            total[3] += p.summary().totalSuccessfulSessionCount();
            total[4] += p.summary().totalFailureSessionCount();
            String type = p.policy().type().value();
            add(new Dimension(domain, day, POLICY_TYPE, type, "S"), p.summary().totalSuccessfulSessionCount());
            add(new Dimension(domain, day, POLICY_TYPE, type, "F"), p.summary().totalFailureSessionCount());
            for (FailureDetail d : p.failureDetails()) {
                String ip = d.sendingMtaIp() == null ? "" : d.sendingMtaIp();
                add(new Dimension(domain, day, SENDING_IP, ip, "D"), d.failedSessionCount());
                add(new Dimension(domain, day, RESULT_TYPE, d.resultType().value(), "D"), d.failedSessionCount());
            }
        }
    }

    private void add(Dimension key, long n) {
        if (n != 0) dimensions.merge(key, n, Long::sum);
    }

    void upsert(Connection c) throws SQLException {
        upsertDomainTotals(c, StoreSql.UPSERT_DOMAIN_DAY, domainDays);
        upsertDomainTotals(c, StoreSql.UPSERT_DOMAIN_MONTH, domainMonths);
        upsertRest(c);
    }

    private static void upsertDomainTotals(Connection c, String sql, Map<DomainDay, long[]> cells) throws SQLException {
        if (!cells.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Map.Entry<DomainDay, long[]> e : cells.entrySet()) {
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
    }

    private void upsertRest(Connection c) throws SQLException {
        if (!dimensions.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(StoreSql.UPSERT_DIMENSION)) {
                for (Map.Entry<Dimension, Long> e : dimensions.entrySet()) {
                    Dimension k = e.getKey();
                    ps.setString(1, k.domain());
                    ps.setInt(2, k.day());
                    ps.setString(3, k.dimension());
                    ps.setString(4, k.value());
                    ps.setString(5, k.kind());
                    ps.setLong(6, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!totals.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(StoreSql.UPSERT_DOMAIN_TOTAL)) {
                for (Map.Entry<String, long[]> e : totals.entrySet()) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < 5; i++) ps.setLong(i + 2, e.getValue()[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
