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

    public ReportPage list(ReportFilter f) throws SQLException {
        ReportQuerySql.Where w = ReportQuerySql.where(f);
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
            Map<Long, TreeSet<String>> domains = domainsOf(c, ids);
            List<ReportListItem> items = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                long id = (Long) r[0];
                items.add(new ReportListItem(id, (String) r[1], (String) r[2], (String) r[3],
                        Instant.ofEpochMilli((Long) r[4]), Instant.ofEpochMilli((Long) r[5]), (Long) r[6], (Long) r[7],
                        Instant.ofEpochMilli((Long) r[8]), List.copyOf(domains.getOrDefault(id, new TreeSet<>()))));
            }
            return new ReportPage(f.page(), f.size(), matching, items);
        });
    }

    private static Map<Long, TreeSet<String>> domainsOf(Connection c, List<long[]> ids) throws SQLException {
        Map<Long, TreeSet<String>> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.domainsOf(ids.size()))) {
            for (int i = 0; i < ids.size(); i++) ps.setLong(i + 1, ids.get(i)[0]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String d = rs.getString(2);
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(d == null ? "" : d);
                }
            }
        }
        return out;
    }

    public Optional<ReportDetail> get(long id) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.REPORT)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(detail(c, rs));
                }
            }
        });
    }

    private ReportDetail detail(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        List<StoredPolicy> policies = policies(c, id);
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
        Report report = new Report(rs.getString(3), new DateRange(Instant.ofEpochMilli(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7))), rs.getString(4), rs.getString(5), asCore(policies));
        return new ReportDetail(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                report.dateRange().start(), report.dateRange().end(), rs.getLong(8), rs.getLong(9),
                Instant.ofEpochMilli(rs.getLong(10)), policies, warnings, provenance, sightings, rs.getBoolean(19),
                contenders, new String(writer.write(report, true), StandardCharsets.UTF_8));
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

    /** The original bytes of the input the report arrived in; empty when there is no such report or retention removed them. */
    public Optional<byte[]> raw(long id) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.RAW)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RawInput.gunzip(rs.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Failure details of reports whose range starts in the period, oldest first, at most {@code limit}.
     * Reads the stored details (not rollups): an export wants every row.
     */
    public List<FailureDetailRow> failureDetails(String domain, Period period, int limit) throws SQLException {
        String d = domain == null || domain.isBlank() ? null : DomainNames.normalise(domain);
        return db.withConnection(c -> {
            List<FailureDetailRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ReportQuerySql.failureDetails(d != null))) {
                int i = 1;
                ps.setLong(i++, period.startMillis());
                ps.setLong(i++, period.endMillisExclusive());
                if (d != null) ps.setString(i++, d);
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
