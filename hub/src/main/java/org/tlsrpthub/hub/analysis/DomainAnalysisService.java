package org.tlsrpthub.hub.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.core.taxonomy.FailureTaxonomy;
import org.tlsrpthub.hub.analysis.DomainAnalysis.AppliedPolicy;
import org.tlsrpthub.hub.analysis.DomainAnalysis.FailureTypeCount;
import org.tlsrpthub.hub.analysis.DomainAnalysis.NamedCount;
import org.tlsrpthub.hub.analysis.DomainAnalysis.PolicyTypeCount;
import org.tlsrpthub.hub.analysis.DomainAnalysis.ReporterCount;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.summary.DomainSummary;
import org.tlsrpthub.hub.summary.SummaryService;

/**
 * One domain over a period, for the domain page and {@code GET /api/v1/domains/{domain}}. The
 * breakdowns by failure type, reporter and MX come from {@link SummaryService} (rollup_daily);
 * the daily series, sending IPs and policy types from the V20 rollups.
 */
public final class DomainAnalysisService {
    public static final int DEFAULT_TOP = 20;

    private final Database db;
    private final SummaryService summaries;
    private final Clock clock;

    public DomainAnalysisService(Database db, Clock clock) {
        this.db = db;
        this.summaries = new SummaryService(db);
        this.clock = clock;
    }

    /**
     * @param top how many sending IPs to list (the busiest)
     * @return empty when {@code scope} does not see the domain: another organisation's or an
     *         unassigned domain is answered exactly as one never heard of
     */
    public Optional<DomainAnalysis> analyse(Scope scope, String domain, Period period, int top) throws SQLException {
        String d = DomainNames.normalise(domain);
        Optional<DomainSummary> seen = summaries.summarise(scope, d, period.from(), period.to());
        if (seen.isEmpty()) return Optional.empty();
        DomainSummary summary = seen.get();
        return db.withConnection(c -> {
            List<DailyCount> daily = daily(c, d, period);
            SessionTotals current = sum(daily);
            SessionTotals previous = sum(daily(c, d, period.previous()));
            Instant last = lastReport(c, d);
            Map<String, String> orgNames = new HashMap<>();
            List<AppliedPolicy> applied = appliedPolicies(c, d, period, orgNames);
            Instant reference = Instant.ofEpochMilli(Math.min(clock.millis(), period.endMillisExclusive()));
            return Optional.of(new DomainAnalysis(d, period, DomainStatus.classify(current.failureRate(), last, reference), last,
                    current, previous, DomainAnalysis.Change.between(current, previous), daily,
                    failureTypes(summary), reporters(summary, orgNames), named(summary.byReceivingMx()),
                    sendingIps(c, d, period, top), policyTypes(c, d, period), applied));
        });
    }

    /** The daily series alone (the API's time-series endpoint and CSV); empty when the scope does not see the domain. */
    public Optional<List<DailyCount>> daily(Scope scope, String domain, Period period) throws SQLException {
        String d = DomainNames.normalise(domain);
        return db.withConnection(c -> ScopeSql.sees(c, scope, d) ? Optional.of(daily(c, d, period)) : Optional.empty());
    }

    private static List<DailyCount> daily(Connection c, String domain, Period p) throws SQLException {
        long[][] days = new long[p.days()][];
        try (PreparedStatement ps = c.prepareStatement(DomainAnalysisSql.DAYS)) {
            ps.setString(1, domain);
            ps.setInt(2, p.fromEpochDay());
            ps.setInt(3, p.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) days[rs.getInt(1) - p.fromEpochDay()] = new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            }
        }
        List<DailyCount> out = new ArrayList<>(days.length);
        for (int i = 0; i < days.length; i++) {
            long[] v = days[i] == null ? new long[3] : days[i];
            out.add(DailyCount.of(p.from().plusDays(i), v[0], v[1], v[2]));
        }
        return out;
    }

    private static SessionTotals sum(List<DailyCount> days) {
        long r = 0, ok = 0, f = 0;
        for (DailyCount d : days) {
            r += d.reports();
            ok += d.successfulSessions();
            f += d.failedSessions();
        }
        return SessionTotals.of(r, ok, f);
    }

    private static Instant lastReport(Connection c, String domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DomainAnalysisSql.LAST_REPORT)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Instant.ofEpochMilli(rs.getLong(1)) : null;
            }
        }
    }

    private static List<FailureTypeCount> failureTypes(DomainSummary s) {
        List<FailureTypeCount> out = new ArrayList<>();
        for (DomainSummary.Count c : s.byResultType()) {
            out.add(new FailureTypeCount(c.name(), c.sessions(), FailureTaxonomy.describe(ResultType.of(c.name()))));
        }
        return out;
    }

    private static List<ReporterCount> reporters(DomainSummary s, Map<String, String> orgNames) {
        List<ReporterCount> out = new ArrayList<>();
        for (DomainSummary.ReporterCounts r : s.byReporter()) {
            long total = r.successfulSessions() + r.failedSessions();
            out.add(new ReporterCount(r.reporter(), orgNames.getOrDefault(r.reporter(), r.reporter()), r.reports(),
                    r.successfulSessions(), r.failedSessions(), total == 0 ? 0 : (double) r.failedSessions() / total));
        }
        return out;
    }

    private static List<NamedCount> named(List<DomainSummary.Count> counts) {
        return counts.stream().map(c -> new NamedCount(c.name(), c.sessions())).toList();
    }

    private static Map<String, long[]> dimension(Connection c, String domain, Period p, String dimension) throws SQLException {
        Map<String, long[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(DomainAnalysisSql.DIMENSION)) {
            ps.setString(1, domain);
            ps.setInt(2, p.fromEpochDay());
            ps.setInt(3, p.toEpochDay());
            ps.setString(4, dimension);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] v = out.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    int i = switch (rs.getString(2)) {
                        case "S" -> 0;
                        case "F" -> 1;
                        default -> 2;
                    };
                    v[i] += rs.getLong(3);
                }
            }
        }
        return out;
    }

    private static List<NamedCount> sendingIps(Connection c, String domain, Period p, int top) throws SQLException {
        List<NamedCount> out = new ArrayList<>();
        dimension(c, domain, p, DomainAnalysisSql.SENDING_IP).forEach((ip, v) -> out.add(new NamedCount(ip, v[2])));
        out.sort(Comparator.comparingLong(NamedCount::sessions).reversed().thenComparing(NamedCount::name));
        return out.size() > top ? List.copyOf(out.subList(0, top)) : out;
    }

    private static List<PolicyTypeCount> policyTypes(Connection c, String domain, Period p) throws SQLException {
        List<PolicyTypeCount> out = new ArrayList<>();
        dimension(c, domain, p, DomainAnalysisSql.POLICY_TYPE).forEach((type, v) -> {
            long total = v[0] + v[1];
            out.add(new PolicyTypeCount(type, v[0], v[1], total == 0 ? 0 : (double) v[1] / total));
        });
        out.sort(Comparator.comparingLong((PolicyTypeCount t) -> t.successfulSessions() + t.failedSessions()).reversed()
                .thenComparing(PolicyTypeCount::policyType));
        return out;
    }

    /** Fills {@code orgNames} (reporter key to the organisation name of its newest report) on the way. */
    private static List<AppliedPolicy> appliedPolicies(Connection c, String domain, Period p, Map<String, String> orgNames)
            throws SQLException {
        Map<String, AppliedPolicy> newest = new LinkedHashMap<>();
        Map<String, Set<String>> variants = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(DomainAnalysisSql.APPLIED_POLICIES)) {
            ps.setString(1, domain);
            ps.setLong(2, p.startMillis());
            ps.setLong(3, p.endMillisExclusive());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reporter = rs.getString(1), org = rs.getString(2), type = rs.getString(4);
                    String strings = rs.getString(5), mx = rs.getString(6);
                    orgNames.putIfAbsent(reporter, org);
                    String key = reporter + "\n" + type;
                    variants.computeIfAbsent(key, k -> new HashSet<>()).add(strings);
                    newest.putIfAbsent(key, new AppliedPolicy(reporter, org, type, lines(strings), lines(mx),
                            LocalDate.ofEpochDay(Math.floorDiv(rs.getLong(3), 86_400_000L)), 0));
                }
            }
        }
        List<AppliedPolicy> out = new ArrayList<>();
        newest.forEach((k, a) -> out.add(new AppliedPolicy(a.reporter(), a.organizationName(), a.policyType(),
                a.policyStrings(), a.mxHosts(), a.lastSeen(), variants.get(k).size())));
        out.sort(Comparator.comparing(AppliedPolicy::reporter).thenComparing(AppliedPolicy::policyType));
        return out;
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }
}
