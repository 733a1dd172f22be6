package org.tlsrpthub.hub.analysis;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.core.taxonomy.FailureTaxonomy;
import org.tlsrpthub.hub.analysis.ReportDetail.StoredFailure;
import org.tlsrpthub.hub.analysis.ReportDetail.StoredPolicy;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.RawInput;

/** Stored reports: the filtered list, one report in full, its original bytes, and failure details for export. */
public final class ReportQueryService {
    /** The export's ceiling: a CSV of more rows than this is better made from a database dump. */
    public static final int MAX_EXPORT_ROWS = 200_000;

    private final Database db;
    private final ReportWriter writer = new ReportWriter();

    public ReportQueryService(Database db) {
        this.db = db;
    }

    /** The reports {@code scope} sees; for an organisation, with only its own policies' domains and sessions. */
    public ReportPage list(Scope scope, ReportFilter f) throws SQLException {
        ReportQuerySql.Where w = ReportQuerySql.where(scope, f);
        return db.withConnection(c -> {
            long matching;
            try (PreparedStatement ps = prepare(c, ReportQuerySql.count(w), w.args())) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matching = rs.getLong(1);
                }
            }
            List<Object> args = new ArrayList<>(w.args());
            args.add(f.size());
            args.add((long) f.page() * f.size());
            List<long[]> ids = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, ReportQuerySql.page(w), args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(new long[] {rs.getLong(1)});
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)});
                }
            }
            Map<Long, OwnPolicies> own = policiesOf(c, scope, ids);
            boolean all = ScopeSql.seesAll(scope);
            List<ReportListItem> items = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                long id = (Long) r[0];
                OwnPolicies o = own.getOrDefault(id, new OwnPolicies());
                items.add(new ReportListItem(id, (String) r[1], (String) r[2], (String) r[3],
                        Instant.ofEpochMilli((Long) r[4]), Instant.ofEpochMilli((Long) r[5]), all ? (Long) r[6] : o.ok,
                        all ? (Long) r[7] : o.failed, Instant.ofEpochMilli((Long) r[8]), List.copyOf(o.domains)));
            }
            return new ReportPage(f.page(), f.size(), matching, items);
        });
    }

    /** A listed report's policy domains and sessions, as far as the scope sees them. */
    private static final class OwnPolicies {
        final TreeSet<String> domains = new TreeSet<>();
        long ok, failed;
    }

    private static Map<Long, OwnPolicies> policiesOf(Connection c, Scope scope, List<long[]> ids) throws SQLException {
        Map<Long, OwnPolicies> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.domainsOf(scope, ids.size()))) {
            for (int i = 0; i < ids.size(); i++) ps.setLong(i + 1, ids.get(i)[0]);
            ScopeSql.bind(ps, ids.size() + 1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String d = rs.getString(2);
                    OwnPolicies o = out.computeIfAbsent(rs.getLong(1), k -> new OwnPolicies());
                    o.domains.add(d == null ? "" : d);
                    o.ok += rs.getLong(3);
                    o.failed += rs.getLong(4);
                }
            }
        }
        return out;
    }

    /**
     * One report as {@code scope} sees it; empty when it does not exist or holds no policy of the
     * scope's organisation. A report that also covers other organisations' domains is shown with the
     * organisation's policies only: the others are neither shown nor counted, and its warnings,
     * contenders and raw input (which may name them) are left out.
     */
    public Optional<ReportDetail> get(Scope scope, long id) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.REPORT)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return detail(c, rs, scope);
                }
            }
        });
    }

    private Optional<ReportDetail> detail(Connection c, ResultSet rs, Scope scope) throws SQLException {
        long id = rs.getLong(1);
        List<StoredPolicy> all = policies(c, id);
        boolean seesAll = ScopeSql.seesAll(scope);
        List<StoredPolicy> policies = seesAll ? all : own(c, scope, all);
        if (!seesAll && policies.isEmpty()) return Optional.empty();
        boolean whole = policies.size() == all.size();
        if (!whole) return Optional.of(part(id, rs, policies));
        List<ReportDetail.StoredWarning> warnings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.WARNINGS)) {
            ps.setLong(1, id);
            try (ResultSet w = ps.executeQuery()) {
                while (w.next()) warnings.add(new ReportDetail.StoredWarning(w.getString(1), w.getString(2), w.getString(3)));
            }
        }
        List<ReportDetail.Sighting> sightings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.SIGHTINGS)) {
            ps.setLong(1, id);
            try (ResultSet s = ps.executeQuery()) {
                while (s.next()) {
                    sightings.add(new ReportDetail.Sighting(s.getString(1), Instant.ofEpochMilli(s.getLong(2)),
                            s.getString(3), s.getString(4)));
                }
            }
        }
        List<ReportDetail.Contender> contenders = contenders(c, id);
        String channel = rs.getString(12);
        ReportDetail.Provenance provenance = new ReportDetail.Provenance(channel == null ? null : rs.getLong(11), channel,
                channel == null ? null : Instant.ofEpochMilli(rs.getLong(13)), rs.getString(14), rs.getString(15),
                rs.getString(16), channel == null ? null : rs.getLong(17), hex(rs.getBytes(18)), sightings.size());
        return Optional.of(new ReportDetail(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)), rs.getLong(8), rs.getLong(9),
                Instant.ofEpochMilli(rs.getLong(10)), policies, warnings, provenance, sightings, rs.getBoolean(19),
                contenders, canonicalJson(rs, policies)));
    }

    /** The report as the hub's writer renders it, with the given policies. */
    private String canonicalJson(ResultSet rs, List<StoredPolicy> policies) throws SQLException {
        Report report = new Report(rs.getString(3), new DateRange(Instant.ofEpochMilli(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7))), rs.getString(4), rs.getString(5), asCore(policies));
        return new String(writer.write(report, true), StandardCharsets.UTF_8);
    }

    /** The organisation's part of a report that covers other organisations too: its policies, their sums, no raw input. */
    private ReportDetail part(long id, ResultSet rs, List<StoredPolicy> policies) throws SQLException {
        long ok = 0, failed = 0;
        for (StoredPolicy p : policies) {
            ok += p.successfulSessions();
            failed += p.failedSessions();
        }
        String channel = rs.getString(12);
        ReportDetail.Provenance provenance = new ReportDetail.Provenance(null, channel,
                channel == null ? null : Instant.ofEpochMilli(rs.getLong(13)), rs.getString(14), rs.getString(15),
                rs.getString(16), null, null, 0);
        return new ReportDetail(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)), ok, failed,
                Instant.ofEpochMilli(rs.getLong(10)), policies, List.of(), provenance, List.of(), rs.getBoolean(19), List.of(),
                canonicalJson(rs, policies));
    }

    private static List<StoredPolicy> own(Connection c, Scope scope, List<StoredPolicy> all) throws SQLException {
        List<StoredPolicy> out = new ArrayList<>();
        for (StoredPolicy p : all) if (p.policyDomain() != null && ScopeSql.sees(c, scope, p.policyDomain())) out.add(p);
        return out;
    }

    private static List<ReportDetail.Contender> contenders(Connection c, long reportId) throws SQLException {
        List<ReportDetail.Contender> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.CONTENDERS)) {
            ps.setLong(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString(4);
                    out.add(new ReportDetail.Contender(rs.getLong(1), rs.getBoolean(2), rs.getInt(3) == 1, channel,
                            channel == null ? null : Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    private static List<StoredPolicy> policies(Connection c, long reportId) throws SQLException {
        Map<Long, List<StoredFailure>> failures = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.FAILURE_DETAILS)) {
            ps.setLong(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2), code = rs.getString(9);
                    failures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StoredFailure(type,
                            FailureTaxonomy.describe(ResultType.of(type)).title(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), code,
                            code == null ? null : FailureTaxonomy.hintFor(code).orElse(null)));
                }
            }
        }
        List<StoredPolicy> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.POLICIES)) {
            ps.setLong(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredPolicy(rs.getString(2), rs.getString(3), lines(rs.getString(4)), lines(rs.getString(5)),
                            rs.getLong(6), rs.getLong(7), failures.getOrDefault(rs.getLong(1), List.of())));
                }
            }
        }
        return out;
    }

    private static List<PolicyResult> asCore(List<StoredPolicy> policies) {
        List<PolicyResult> out = new ArrayList<>();
        for (StoredPolicy p : policies) {
            List<FailureDetail> details = new ArrayList<>();
            for (StoredFailure f : p.failureDetails()) {
                details.add(new FailureDetail(ResultType.of(f.resultType()), f.sendingMtaIp(), f.receivingMxHostname(),
                        f.receivingMxHelo(), f.receivingIp(), f.failedSessionCount(), f.additionalInformation(),
                        f.failureReasonCode()));
            }
            out.add(new PolicyResult(new Policy(PolicyType.of(p.policyType()), p.policyStrings(), p.policyDomain(), p.mxHosts()),
                    new Summary(p.successfulSessions(), p.failedSessions()), details));
        }
        return out;
    }

    /**
     * The original bytes of the input the report arrived in; empty when there is no such report,
     * retention removed them, or (for an organisation) any of its policies is not the organisation's:
     * the bytes would show the others.
     */
    public Optional<byte[]> raw(Scope scope, long id) throws SQLException {
        return db.withConnection(c -> {
            if (!ScopeSql.seesAll(scope) && !ownsWhole(c, scope, id)) return Optional.empty();
            try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.RAW)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RawInput.gunzip(rs.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    private static boolean ownsWhole(Connection c, Scope scope, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.POLICIES_OWNED)) {
            ps.setString(1, scope.org());
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0 && rs.getLong(1) == rs.getLong(2);
            }
        }
    }

    /**
     * Failure details of reports whose range starts in the period, oldest first, at most {@code limit};
     * only of the policies {@code scope} sees. Reads the stored details (not rollups): an export wants every row.
     */
    public List<FailureDetailRow> failureDetails(Scope scope, String domain, Period period, int limit) throws SQLException {
        String d = domain == null || domain.isBlank() ? null : DomainNames.normalise(domain);
        return db.withConnection(c -> {
            List<FailureDetailRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.failureDetails(scope, d != null))) {
                int i = 1;
                ps.setLong(i++, period.startMillis());
                ps.setLong(i++, period.endMillisExclusive());
                if (d != null) ps.setString(i++, d);
                i = ScopeSql.bind(ps, i, scope);
                ps.setInt(i, Math.min(limit, MAX_EXPORT_ROWS));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FailureDetailRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12),
                                rs.getString(13), rs.getString(14)));
                    }
                }
            }
            return out;
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
        return ps;
    }

    /** The sha256 is stored as 32 bytes; people and tools compare it as hex. */
    static String hex(byte[] b) {
        return b == null ? null : java.util.HexFormat.of().formatHex(b);
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }
}
