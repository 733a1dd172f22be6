package org.tlsrpthub.hub.analysis;

import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.RollupDimension;

/**
 * The overview's SQL: rollup tables of migration V20 and the served domains, never report rows.
 * A scope limited to one organisation adds one parameter (its slug) after the others of each part.
 */
final class OverviewSql {
    private OverviewSql() {}

    /** Every domain ever reported, with its newest report. One row per domain. */
    static String domainTotals(Scope scope) {
        return "SELECT policy_domain, last_range_end FROM rollup_domain_total WHERE policy_domain <> ''"
                + ScopeSql.andDomainIn(scope, "policy_domain");
    }

    static String servedDomains(Scope scope) {
        return "SELECT domain FROM served_domain WHERE 1 = 1" + ScopeSql.andDomainIn(scope, "domain");
    }

    /**
     * Every domain's sums over the period, added up by the database (far cheaper than handing rows
     * one by one through JDBC): whole calendar months from the monthly rollup, the days of the
     * partial months at either edge from the daily one. Parameters: first and last month, then the
     * day ranges of the head and the tail (an empty range is given as from > to); see {@link MonthSplit}.
     */
    static String totals(Scope scope) {
        String in = ScopeSql.andDomainIn(scope, "policy_domain");
        return """
                SELECT policy_domain, SUM(reports), SUM(successful_sessions), SUM(failed_sessions)
                FROM (
                    SELECT policy_domain, reports, successful_sessions, failed_sessions
                    FROM rollup_domain_monthly WHERE month BETWEEN ? AND ?%1$s
                    UNION ALL
                    SELECT policy_domain, reports, successful_sessions, failed_sessions
                    FROM rollup_domain_daily WHERE day BETWEEN ? AND ?%1$s
                    UNION ALL
                    SELECT policy_domain, reports, successful_sessions, failed_sessions
                    FROM rollup_domain_daily WHERE day BETWEEN ? AND ?%1$s
                ) cells
                GROUP BY policy_domain""".formatted(in);
    }

    /** The daily series of the shown page's domains (index on policy_domain, day). */
    static String series(int domains) {
        return """
                SELECT policy_domain, day, reports, successful_sessions, failed_sessions
                FROM rollup_domain_daily
                WHERE policy_domain IN (%s) AND day BETWEEN ? AND ?""".formatted(placeholders(domains));
    }

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
