package org.tlsrpthub.hub.analysis;

import org.tlsrpthub.hub.store.RollupDimension;

/**
 * The domain page's SQL. Sessions come from the rollups; only the policies senders applied are
 * read from stored policy rows (the newest per sender), which the rollups cannot hold.
 */
final class DomainAnalysisSql {
    private DomainAnalysisSql() {}

    static final String DAYS = """
            SELECT day, reports, successful_sessions, failed_sessions
            FROM rollup_domain_daily
            WHERE policy_domain = ? AND day BETWEEN ? AND ?""";

    static final String LAST_REPORT = "SELECT last_range_end FROM rollup_domain_total WHERE policy_domain = ?";

    static final String DIMENSION = """
            SELECT value, kind, SUM(sessions)
            FROM rollup_dimension_daily
            WHERE policy_domain = ? AND day BETWEEN ? AND ? AND dimension = ?
            GROUP BY value, kind""";

    static final String SENDING_IP = RollupDimension.SENDING_IP;
    static final String POLICY_TYPE = RollupDimension.POLICY_TYPE;

    /** The domain's policies in the period, newest report first; the service keeps the first per sender and type. */
    static final String APPLIED_POLICIES = """
            SELECT r.reporter_key, r.organization_name, r.range_start, p.policy_type, p.policy_strings, p.mx_hosts
            FROM policy p JOIN report r ON r.id = p.report_id
            WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?
            ORDER BY r.range_start DESC, r.id DESC""";
}
