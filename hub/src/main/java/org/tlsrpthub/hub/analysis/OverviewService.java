package org.tlsrpthub.hub.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import java.util.function.Predicate;
import org.tlsrpthub.hub.store.Database;

/**
 * Every domain's health over a period, for the overview page and {@code GET /api/v1/overview}.
 * The database sums the per-domain-and-day rollup over the period (one row per domain comes
 * back); sorting, filtering and paging happen here; only the shown page's daily series and top
 * failure types cost further (indexed) queries.
 */
public final class OverviewService {
    private final Database db;
    private final Clock clock;

    public OverviewService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The domains {@code scope} sees, and only their sums. */
    public OverviewPage overview(Scope scope, OverviewQuery q) throws SQLException {
        return overview(scope, q, domain -> true);
    }

    /** As above, only the domains {@code shown} accepts (the ownership filters: "my domains", "unowned domains"). */
    public OverviewPage overview(Scope scope, OverviewQuery q, Predicate<String> shown) throws SQLException {
        return db.withConnection(c -> overview(c, scope, q, shown));
    }

    private OverviewPage overview(Connection c, Scope scope, OverviewQuery q, Predicate<String> shown) throws SQLException {
        Period p = q.period();
        Map<String, Acc> byDomain = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(OverviewSql.domainTotals(scope))) {
            ScopeSql.bind(ps, 1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) byDomain.computeIfAbsent(rs.getString(1), k -> new Acc()).lastEnd = rs.getLong(2);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(OverviewSql.servedDomains(scope))) {
            ScopeSql.bind(ps, 1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) byDomain.computeIfAbsent(rs.getString(1), k -> new Acc());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(OverviewSql.totals(scope))) {
            MonthSplit split = MonthSplit.of(p);
            int[][] parts = {{split.firstMonth(), split.lastMonth()}, {split.headFrom(), split.headTo()}, {split.tailFrom(), split.tailTo()}};
            int i = 1;
            for (int[] part : parts) {
                ps.setInt(i++, part[0]);
                ps.setInt(i++, part[1]);
                i = ScopeSql.bind(ps, i, scope);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Acc a = byDomain.get(rs.getString(1));
                    if (a != null) a.add(rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        }

        Instant reference = reference(p);
        List<Row> rows = new ArrayList<>();
        Map<DomainStatus, Integer> statusCounts = new EnumMap<>(DomainStatus.class);
        for (DomainStatus s : DomainStatus.values()) statusCounts.put(s, 0);
        long reports = 0, ok = 0, failed = 0;
        for (Map.Entry<String, Acc> e : byDomain.entrySet()) {
            if (!e.getKey().toLowerCase(java.util.Locale.ROOT).contains(q.nameContains()) || !shown.test(e.getKey())) continue;
            Acc a = e.getValue();
            SessionTotals t = SessionTotals.of(a.reports, a.ok, a.failed);
            DomainStatus status = DomainStatus.classify(t.failureRate(), a.lastEnd == 0 ? null : Instant.ofEpochMilli(a.lastEnd), reference);
            statusCounts.merge(status, 1, Integer::sum);
            if (q.status() != null && q.status() != status) continue;
            rows.add(new Row(e.getKey(), a, t, status));
            reports += a.reports;
            ok += a.ok;
            failed += a.failed;
        }
        rows.sort(order(q));
        int from = (int) Math.min(rows.size(), (long) q.page() * q.size()); // a huge page number is past the end, not an overflow
        List<Row> page = rows.subList(from, Math.min(rows.size(), from + q.size()));
        Map<String, String> top = topFailureTypes(c, p, page);
        Map<String, List<DailyCount>> series = series(c, p, page);
        List<DomainOverview> out = new ArrayList<>(page.size());
        for (Row r : page) {
            out.add(new DomainOverview(r.domain, r.totals, series.get(r.domain), top.get(r.domain),
                    r.acc.lastEnd == 0 ? null : Instant.ofEpochMilli(r.acc.lastEnd), r.status));
        }
        return new OverviewPage(p, q.page(), q.size(), rows.size(), statusCounts, SessionTotals.of(reports, ok, failed), out);
    }

    /** "Lately" is measured from now, or from the end of a period that lies in the past. */
    private Instant reference(Period p) {
        Instant now = clock.instant();
        Instant end = Instant.ofEpochMilli(p.endMillisExclusive());
        return end.isBefore(now) ? end : now;
    }

    private static Map<String, List<DailyCount>> series(Connection c, Period p, List<Row> page) throws SQLException {
        Map<String, long[][]> days = new HashMap<>();
        for (Row r : page) days.put(r.domain, new long[p.days()][]);
        if (!page.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(OverviewSql.series(page.size()))) {
                int i = 1;
                for (Row r : page) ps.setString(i++, r.domain);
                ps.setInt(i++, p.fromEpochDay());
                ps.setInt(i, p.toEpochDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.get(rs.getString(1))[rs.getInt(2) - p.fromEpochDay()] =
                                new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                    }
                }
            }
        }
        Map<String, List<DailyCount>> out = new HashMap<>();
        days.forEach((domain, d) -> {
            List<DailyCount> list = new ArrayList<>(d.length);
            for (int k = 0; k < d.length; k++) {
                long[] v = d[k] == null ? new long[3] : d[k];
                list.add(DailyCount.of(p.from().plusDays(k), v[0], v[1], v[2]));
            }
            out.put(domain, list);
        });
        return out;
    }

    private static Map<String, String> topFailureTypes(Connection c, Period p, List<Row> page) throws SQLException {
        Map<String, String> top = new HashMap<>();
        if (page.isEmpty()) return top;
        Map<String, Long> best = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(OverviewSql.topFailureTypes(page.size()))) {
            int i = 1;
            for (Row r : page) ps.setString(i++, r.domain);
            ps.setInt(i++, p.fromEpochDay());
            ps.setInt(i, p.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String domain = rs.getString(1), type = rs.getString(2);
                    long n = rs.getLong(3);
                    Long b = best.get(domain);
                    // ties: the alphabetically first type, so the answer does not depend on row order
                    if (b == null || n > b || (n == b && type.compareTo(top.get(domain)) < 0)) {
                        best.put(domain, n);
                        top.put(domain, type);
                    }
                }
            }
        }
        return top;
    }

    private static Comparator<Row> order(OverviewQuery q) {
        Comparator<Row> byName = Comparator.comparing(r -> r.domain);
        Comparator<Row> key = switch (q.sort()) {
            case DOMAIN -> byName;
            case SESSIONS -> Comparator.comparingLong(r -> r.totals.totalSessions());
            case REPORTS -> Comparator.comparingLong(r -> r.totals.reports());
            case FAILED -> Comparator.comparingLong(r -> r.totals.failedSessions());
            case FAILURE_RATE -> Comparator.comparingDouble(r -> r.totals.failureRate());
            case LAST_REPORT -> Comparator.comparingLong(r -> r.acc.lastEnd);
            case STATUS -> Comparator.comparingInt(r -> severity(r.status));
        };
        if (q.descending()) key = key.reversed();
        return key.thenComparing(byName);
    }

    /** Worst first when sorted descending: failing, silent, degraded, healthy. */
    private static int severity(DomainStatus s) {
        return switch (s) {
            case HEALTHY -> 0;
            case DEGRADED -> 1;
            case SILENT -> 2;
            case FAILING -> 3;
        };
    }

    private record Row(String domain, Acc acc, SessionTotals totals, DomainStatus status) {}

    /** One domain's sums over the period and its newest report. */
    private static final class Acc {
        long reports, ok, failed, lastEnd;

        void add(long reports, long ok, long failed) {
            this.reports += reports;
            this.ok += ok;
            this.failed += failed;
        }
    }
}
