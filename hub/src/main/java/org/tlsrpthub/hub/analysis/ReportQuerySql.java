package org.tlsrpthub.hub.analysis;

import java.util.ArrayList;
import java.util.List;

/** The SQL of the report list and the single report. */
final class ReportQuerySql {
    private ReportQuerySql() {}

    /** A WHERE clause and its arguments, built from the filter's set parts. */
    record Where(String sql, List<Object> args) {}

    static Where where(ReportFilter f) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (f.domain() != null) {
            parts.add("r.id IN (SELECT p.report_id FROM policy p WHERE p.policy_domain = ?)");
            args.add(f.domain());
        }
        if (f.sender() != null) {
            // the reporter key exactly, or a part of the organisation name
            parts.add("(r.reporter_key = ? OR LOWER(r.organization_name) LIKE ? ESCAPE '\\')");
            args.add(f.sender());
            args.add("%" + f.sender().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.period() != null) {
            parts.add("r.range_start >= ? AND r.range_start < ?");
            args.add(f.period().startMillis());
            args.add(f.period().endMillisExclusive());
        }
        if (f.hasFailures() != null) parts.add(f.hasFailures() ? "r.failed_sessions > 0" : "r.failed_sessions = 0");
        return new Where(parts.isEmpty() ? "" : "WHERE " + String.join(" AND ", parts), args);
    }

    static String count(Where w) {
        return "SELECT COUNT(*) FROM report r " + w.sql();
    }

    static String page(Where w) {
        return """
                SELECT r.id, r.reporter_key, r.organization_name, r.report_id, r.range_start, r.range_end,
                       r.successful_sessions, r.failed_sessions, r.stored_at
                FROM report r %s
                ORDER BY r.range_start DESC, r.id DESC
                LIMIT ? OFFSET ?""".formatted(w.sql());
    }

    static String domainsOf(int reports) {
        return "SELECT DISTINCT report_id, policy_domain FROM policy WHERE report_id IN ("
                + OverviewSql.placeholders(reports) + ")";
    }

    static final String REPORT = """
            SELECT r.id, r.reporter_key, r.organization_name, r.contact_info, r.report_id, r.range_start, r.range_end,
                   r.successful_sessions, r.failed_sessions, r.stored_at, r.raw_input_id,
                   i.channel, i.received_at, i.origin, i.message_id, i.dkim_result, i.size_bytes, i.sha256,
                   r.dkim_verified
            FROM report r LEFT JOIN raw_input i ON i.id = r.raw_input_id
            WHERE r.id = ?""";

    static final String POLICIES = """
            SELECT id, policy_type, policy_domain, policy_strings, mx_hosts, successful_sessions, failed_sessions
            FROM policy WHERE report_id = ? ORDER BY position""";

    static final String FAILURE_DETAILS = """
            SELECT policy_id, result_type, sending_mta_ip, receiving_mx_hostname, receiving_mx_helo, receiving_ip,
                   failed_session_count, additional_information, failure_reason_code
            FROM failure_detail WHERE report_id = ? ORDER BY id""";

    static final String WARNINGS = "SELECT code, location, message FROM report_warning WHERE report_id = ? ORDER BY id";

    static final String SIGHTINGS = """
            SELECT channel, received_at, origin, message_id FROM report_sighting WHERE report_id = ? ORDER BY received_at, id""";

    static final String CONTENDERS = """
            SELECT k.raw_input_id, k.displaced, CASE WHEN q.raw_input_id IS NULL THEN 0 ELSE 1 END,
                   i.channel, i.received_at, i.origin, i.dkim_result
            FROM report_contender k LEFT JOIN raw_input i ON i.id = k.raw_input_id
                 LEFT JOIN quarantine q ON q.raw_input_id = k.raw_input_id
            WHERE k.report_id = ? ORDER BY k.raw_input_id""";

    static final String RAW = """
            SELECT i.content_gzip FROM report r JOIN raw_input i ON i.id = r.raw_input_id WHERE r.id = ?""";

    /** Failure details of stored reports in a period (the CSV export); optionally of one domain. */
    static String failureDetails(boolean oneDomain) {
        return """
                SELECT r.id, r.organization_name, r.reporter_key, r.range_start, p.policy_domain, p.policy_type,
                       d.result_type, d.sending_mta_ip, d.receiving_mx_hostname, d.receiving_mx_helo, d.receiving_ip,
                       d.failed_session_count, d.failure_reason_code, d.additional_information
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = d.report_id
                WHERE r.range_start >= ? AND r.range_start < ? %s
                ORDER BY r.range_start, r.id, d.id
                LIMIT ?""".formatted(oneDomain ? "AND p.policy_domain = ?" : "");
    }
}
