package org.tlsrpthub.hub.analysis;

import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;

/**
 * The SQL of the report list and the single report. A scope limited to one organisation sees a
 * report when one of its policies is about a domain of the organisation, and only those policies.
 */
final class ReportQuerySql {
    private ReportQuerySql() {}

    /** A WHERE clause and its arguments, built from the filter's set parts. */
    record Where(String sql, List<Object> args) {}

    static Where where(Scope scope, ReportFilter f) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        boolean all = ScopeSql.seesAll(scope);
        if (!all) {
            // correlated, so that the newest-first page stops after its rows instead of first collecting
            // every report id of the organisation
            parts.add("EXISTS (SELECT 1 FROM policy p WHERE p.report_id = r.id AND p.policy_domain IN (" + ScopeSql.ORG_DOMAINS + "))");
            args.add(scope.org());
        }
        if (f.domain() != null) {
            // also limited to the organisation: searching for another organisation's domain must not
            // find the reports that cover it and one of ours
            parts.add("r.id IN (SELECT p.report_id FROM policy p WHERE p.policy_domain = ?"
                    + ScopeSql.andDomainIn(scope, "p.policy_domain") + ")");
            args.add(f.domain());
            if (!all) args.add(scope.org());
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
        if (f.hasFailures() != null && all) parts.add(f.hasFailures() ? "r.failed_sessions > 0" : "r.failed_sessions = 0");
        if (f.hasFailures() != null && !all) {
            // the organisation's own policies decide: another's failures are not counted
            parts.add((f.hasFailures() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM policy p WHERE p.report_id = r.id"
                    + " AND p.failed_sessions > 0 AND p.policy_domain IN (" + ScopeSql.ORG_DOMAINS + "))");
            args.add(scope.org());
        }
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

    /** The policy domains and their sessions of a page of reports; the scope's organisation last. */
    static String domainsOf(Scope scope, int reports) {
        return "SELECT report_id, policy_domain, SUM(successful_sessions), SUM(failed_sessions) FROM policy WHERE report_id IN ("
                + OverviewSql.placeholders(reports) + ")" + ScopeSql.andDomainIn(scope, "policy_domain")
                + " GROUP BY report_id, policy_domain";
    }

    /** How many policies the report (second parameter) has, and how many the organisation (first) holds. */
    static final String POLICIES_OWNED = """
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN policy_domain IN (%s) THEN 1 ELSE 0 END), 0)
            FROM policy WHERE report_id = ?""".formatted(ScopeSql.ORG_DOMAINS);

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

    /** Failure details of stored reports in a period (the CSV export); optionally of one domain; the scope's organisation last. */
    static String failureDetails(Scope scope, boolean oneDomain) {
        return """
                SELECT r.id, r.organization_name, r.reporter_key, r.range_start, p.policy_domain, p.policy_type,
                       d.result_type, d.sending_mta_ip, d.receiving_mx_hostname, d.receiving_mx_helo, d.receiving_ip,
                       d.failed_session_count, d.failure_reason_code, d.additional_information
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = d.report_id
                WHERE r.range_start >= ? AND r.range_start < ? %s%s
                ORDER BY r.range_start, r.id, d.id
                LIMIT ?""".formatted(oneDomain ? "AND p.policy_domain = ?" : "", ScopeSql.andDomainIn(scope, "p.policy_domain"));
    }
}
