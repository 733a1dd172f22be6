package org.tlsrpthub.hub.readiness;

/** The readiness queries: the policy rollups of migration V63, one domain at a time, never report rows. */
final class ReadinessSql {
    private ReadinessSql() {}

    /** Every policy ever applied to the domain. */
    static final String APPLIED = """
            SELECT policy_key, policy_type, policy_strings, mx_hosts FROM rollup_policy_applied WHERE policy_domain = ?""";

    /** Per reporter and applied policy: the first and the last day it was reported, before the given day. */
    static final String SPANS = """
            SELECT reporter_key, policy_key, MIN(day), MAX(day) FROM rollup_policy_daily
            WHERE policy_domain = ? AND day < ? AND kind = 'R'
            GROUP BY reporter_key, policy_key""";

    /** Every cell of a range of days. */
    static final String CELLS = """
            SELECT day, reporter_key, policy_key, kind, result_type, receiving_mx, sessions FROM rollup_policy_daily
            WHERE policy_domain = ? AND day >= ? AND day < ?""";

    /** Whether the hub heard of the domain: reports about it, or it is served. */
    static final String KNOWN = """
            SELECT 1 FROM rollup_domain_total WHERE policy_domain = ? UNION ALL SELECT 1 FROM served_domain WHERE domain = ?""";

    /** What changes when a report about the domain is stored: the overview's cache is keyed by it. */
    static String stamps(int domains) {
        return "SELECT policy_domain, reports, last_stored_at, successful_sessions, failed_sessions FROM rollup_domain_total"
                + " WHERE policy_domain IN ("
                + String.join(", ", java.util.Collections.nCopies(domains, "?")) + ")";
    }
}
