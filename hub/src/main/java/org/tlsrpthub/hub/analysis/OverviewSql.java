package org.tlsrpthub.hub.analysis;

import org.tlsrpthub.hub.store.RollupDimension;

/** The overview's SQL: rollup tables of migration V20 and the served domains, never report rows. */
final class OverviewSql {
    private OverviewSql() {}

    /** Every domain ever reported, with its newest report. One row per domain. */
    static final String DOMAIN_TOTALS = """
            SELECT policy_domain, last_range_end FROM rollup_domain_total WHERE policy_domain <> ''""";

    static final String SERVED_DOMAINS = "SELECT domain FROM served_domain";

    /** One row per domain and day of the period: the primary key starts with day. */
    static final String DAYS = """
            SELECT day, policy_domain, reports, successful_sessions, failed_sessions
            FROM rollup_domain_daily
            WHERE day BETWEEN ? AND ?""";

    /** Failed sessions per result type for a page of domains; the IN list is filled by {@link #topFailureTypes}. */
    static String topFailureTypes(int domains) {
        return """
                SELECT policy_domain, value, SUM(sessions)
                FROM rollup_dimension_daily
                WHERE policy_domain IN (%s) AND day BETWEEN ? AND ? AND dimension = '%s' AND kind = 'D'
                GROUP BY policy_domain, value""".formatted(placeholders(domains), RollupDimension.RESULT_TYPE);
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
