package org.tlsrpthub.hub.summary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;

/**
 * Totals and breakdowns for one domain, read from the daily rollups maintained at ingest (so the
 * cost depends on the number of days and reporters, not on the number of reports). The dashboard
 * and alerts use the same service.
 */
public final class SummaryService {
    private final Database db;

    public SummaryService(Database db) {
        this.db = db;
    }

    /**
     * The summary of {@code domain} for the UTC days {@code from} to {@code to}, both included; empty
     * when {@code scope} does not see the domain (exactly as for a domain never heard of).
     */
    public Optional<DomainSummary> summarise(Scope scope, String domain, LocalDate from, LocalDate to) throws SQLException {
        String d = DomainNames.normalise(domain);
        Totals t = new Totals();
        boolean seen = db.withConnection(c -> {
            if (!ScopeSql.sees(c, scope, d)) return false;
            try (PreparedStatement ps = c.prepareStatement(SummarySql.CELLS)) {
                ps.setString(1, d);
                ps.setInt(2, (int) from.toEpochDay());
                ps.setInt(3, (int) to.toEpochDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) t.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
                }
            }
            return true;
        });
        if (!seen) return Optional.empty();
        long all = t.ok + t.failed;
        return Optional.of(new DomainSummary(d, from, to, t.reports, t.ok, t.failed, all == 0 ? 0 : (double) t.failed / all,
                sorted(t.byType), t.reporters(), sorted(t.byMx)));
    }

    private static List<DomainSummary.Count> sorted(Map<String, Long> m) {
        List<DomainSummary.Count> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new DomainSummary.Count(k, v)));
        out.sort(Comparator.comparingLong(DomainSummary.Count::sessions).reversed().thenComparing(DomainSummary.Count::name));
        return out;
    }

    /** Accumulates rollup cells; kinds as in the rollup_daily table comment. */
    private static final class Totals {
        long reports, ok, failed;
        final Map<String, Long> byType = new HashMap<>();
        final Map<String, Long> byMx = new HashMap<>();
        final Map<String, long[]> byReporter = new HashMap<>();

        void add(String kind, String resultType, String reporter, String mx, long n) {
            long[] r = byReporter.computeIfAbsent(reporter, k -> new long[3]);
            switch (kind) {
                case "R" -> { reports += n; r[0] += n; }
                case "S" -> { ok += n; r[1] += n; }
                case "F" -> { failed += n; r[2] += n; }
                case "D" -> { byType.merge(resultType, n, Long::sum); byMx.merge(mx, n, Long::sum); }
                default -> { } // a kind added by a later version: not part of this summary
            }
        }

        List<DomainSummary.ReporterCounts> reporters() {
            List<DomainSummary.ReporterCounts> out = new ArrayList<>();
            byReporter.forEach((k, v) -> out.add(new DomainSummary.ReporterCounts(k, v[0], v[1], v[2])));
            out.sort(Comparator.comparingLong((DomainSummary.ReporterCounts r) -> r.successfulSessions() + r.failedSessions())
                    .reversed().thenComparing(DomainSummary.ReporterCounts::reporter));
            return out;
        }
    }
}
