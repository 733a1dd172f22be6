package org.tlsrpthub.hub.readiness;

import org.tlsrpthub.hub.store.DaySessions;

/** The readiness queries: the policy rollups of migration V63, one domain at a time, never report rows. */
final class ReadinessSql {
    private ReadinessSql() {}

    /** Every policy ever applied to the domain. */
    static final String APPLIED = """
            SELECT policy_key, policy_type, policy_strings, mx_hosts FROM rollup_policy_applied WHERE policy_domain = ?""";

    /** Per reporter and applied policy: the first and the last day it was reported (V68, kept at ingest). */
    static final String SPANS = """
            SELECT reporter_key, policy_key, first_day, last_day FROM rollup_policy_span
            WHERE policy_domain = ?""";

    /**
     * The last day before the given one that a reporter applied a policy: for a span that runs on to
     * that day or later (a report dated today, or an instant in the past), through the V67 index.
     */
    static final String LAST_DAY_BEFORE = """
            SELECT MAX(day) FROM rollup_policy_daily
            WHERE policy_domain = ? AND reporter_key = ? AND policy_key = ? AND kind = 'R' AND day < ?""";

    /** Every cell of a range of days, one row per series of a reporter, policy, kind, result type and MX (a {@link DaySessions} series). */
    static final String CELLS = "SELECT reporter_key, policy_key, kind, result_type, receiving_mx, " + DaySessions.AGGREGATE
            + " FROM rollup_policy_daily WHERE policy_domain = ? AND day >= ? AND day < ?"
            + " GROUP BY reporter_key, policy_key, kind, result_type, receiving_mx";

    /** Whether the hub heard of the domain: reports about it, or it is served. */
    static final String KNOWN = """
            SELECT 1 FROM rollup_domain_total WHERE policy_domain = ? UNION ALL SELECT 1 FROM served_domain WHERE domain = ?""";

    /**
     * Per domain with reports (all, or those of the {@code IN} list appended): the column's stamp now
     * (report totals, newest live check, newest hosted version) and the stored row, if any.
     */
    static final String COLUMN_STAMPS = """
            SELECT t.policy_domain, t.reports, t.last_stored_at, t.successful_sessions, t.failed_sessions,
                   COALESCE((SELECT l.result_id FROM check_latest l WHERE l.domain = t.policy_domain), 0),
                   COALESCE((SELECT MAX(h.version) FROM hosted_policy_version h WHERE h.domain = t.policy_domain), 0),
                   c.domain, c.day, c.reports, c.last_stored_at, c.successful, c.failed, c.check_id, c.hosted_version, c.mode, c.verdict
            FROM rollup_domain_total t LEFT JOIN readiness_column c ON c.domain = t.policy_domain""";

    static String columnStamps(int domains) {
        return COLUMN_STAMPS + " WHERE t.policy_domain IN (" + String.join(", ", java.util.Collections.nCopies(domains, "?")) + ")";
    }

    static final String UPSERT_COLUMN = """
            INSERT INTO readiness_column (domain, mode, verdict, day, reports, last_stored_at, successful, failed, check_id,
                                          hosted_version, computed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (domain) DO UPDATE SET mode = excluded.mode, verdict = excluded.verdict, day = excluded.day,
                reports = excluded.reports, last_stored_at = excluded.last_stored_at, successful = excluded.successful,
                failed = excluded.failed, check_id = excluded.check_id, hosted_version = excluded.hosted_version,
                computed_at = excluded.computed_at""";

    static final String DELETE_COLUMN = "DELETE FROM readiness_column WHERE domain = ?";
}
