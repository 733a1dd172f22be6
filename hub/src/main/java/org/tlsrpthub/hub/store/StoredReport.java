package org.tlsrpthub.hub.store;

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
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.core.report.Warning;

/**
 * A stored report as its rows say, for re-parsing ({@link ReportStore#refresh}).
 *
 * <p>The comparison with a re-parse is on the column values ({@link #rowsOf}), not on a report
 * rebuilt from them: the columns lose a little (policy strings are joined by newlines, so an empty
 * list and one empty string look alike), and a comparison through that loss would call such a
 * report changed on every run.
 *
 * @param rows       the column values, in the shape of {@link #rowsOf}
 * @param report     the report rebuilt from the rows: what it added to the rollups
 * @param hasDetails whether any failure detail row is left (retention deletes them)
 * @param dkimVerified whether a DKIM signature covering its reporter key came with it ({@link ReporterIdentity})
 */
record StoredReport(long id, long rawInputId, long storedAt, List<List<Object>> rows, Report report, boolean hasDetails,
        boolean dkimVerified) {

    /** The stored report with the dedup key of {@code fresh}, or null. */
    static StoredReport read(Connection c, Report fresh, String reporterKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StoreSql.REPORT_FOR_REFRESH)) {
            ps.setString(1, reporterKey);
            ps.setString(2, fresh.reportId());
            ps.setLong(3, fresh.dateRange().start().toEpochMilli());
            ps.setLong(4, fresh.dateRange().end().toEpochMilli());
            return read(c, ps);
        }
    }

    /** The stored report with row id {@code id}, or null. */
    static StoredReport read(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StoreSql.REPORT_FOR_REFRESH_BY_ID)) {
            ps.setLong(1, id);
            return read(c, ps);
        }
    }

    private static StoredReport read(Connection c, PreparedStatement reportRow) throws SQLException {
        long id, rawInputId, storedAt;
        String organization, contact, reportId;
        DateRange range;
        boolean verified;
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = reportRow.executeQuery()) {
            if (!rs.next()) return null;
            id = rs.getLong(1);
            rawInputId = rs.getLong(2);
            organization = rs.getString(3);
            contact = rs.getString(4);
            storedAt = rs.getLong(5);
            rows.add(Arrays.asList("report", organization, contact, rs.getLong(6), rs.getLong(7)));
            reportId = rs.getString(8);
            range = new DateRange(Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)));
            verified = rs.getBoolean(11);
        }
        Map<Long, List<FailureDetail>> details = new HashMap<>();
        Map<Long, List<List<Object>>> detailRows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(StoreSql.STORED_FAILURE_DETAILS)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long policy = rs.getLong(1);
                    FailureDetail d = new FailureDetail(ResultType.of(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9));
                    details.computeIfAbsent(policy, k -> new ArrayList<>()).add(d);
                    detailRows.computeIfAbsent(policy, k -> new ArrayList<>()).add(detailRow(d));
                }
            }
        }
        List<PolicyResult> policies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(StoreSql.STORED_POLICIES)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long policy = rs.getLong(1);
                    PolicyResult p = new PolicyResult(new Policy(PolicyType.of(rs.getString(2)), lines(rs.getString(4)),
                            rs.getString(3), lines(rs.getString(5))), new Summary(rs.getLong(6), rs.getLong(7)),
                            details.getOrDefault(policy, List.of()));
                    policies.add(p);
                    rows.add(Arrays.asList("policy", rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getLong(7)));
                    rows.addAll(detailRows.getOrDefault(policy, List.of()));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(StoreSql.STORED_WARNINGS)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(Arrays.asList("warning", rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        Report report = new Report(organization, range, contact, reportId, policies);
        return new StoredReport(id, rawInputId, storedAt, rows, report, !details.isEmpty(), verified);
    }

    /** The column values {@link ReportStore} writes for {@code pr}, in the order {@link #read} returns them. */
    static List<List<Object>> rowsOf(ParsedReport pr) {
        Report r = pr.report();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("report", r.organizationName(), r.contactInfo(), r.totalSuccessfulSessions(),
                r.totalFailureSessions()));
        for (PolicyResult p : r.policies()) {
            rows.add(Arrays.asList("policy", p.policy().type().value(), p.policy().domain(),
                    String.join("\n", p.policy().policyStrings()), String.join("\n", p.policy().mxHosts()),
                    p.summary().totalSuccessfulSessionCount(), p.summary().totalFailureSessionCount()));
            for (FailureDetail d : p.failureDetails()) rows.add(detailRow(d));
        }
        for (Warning w : pr.warnings()) rows.add(Arrays.asList("warning", w.code().id(), w.where(), w.message()));
        return rows;
    }

    private static List<Object> detailRow(FailureDetail d) {
        return Arrays.asList("detail", d.resultType().value(), d.sendingMtaIp(), d.receivingMxHostname(),
                d.receivingMxHelo(), d.receivingIp(), d.failedSessionCount(), d.additionalInformation(),
                d.failureReasonCode());
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }
}
