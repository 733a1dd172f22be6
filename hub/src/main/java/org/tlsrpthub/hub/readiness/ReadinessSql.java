package org.tlsrpthub.hub.readiness;

import org.tlsrpthub.hub.store.Dialect;
import org.tlsrpthub.hub.store.InList;

/** The readiness queries: the policy rollups of migration V63, one domain at a time, never report rows. */
final class ReadinessSql {
    private ReadinessSql() {}

    /**
     * The sts and no-policy-found policies ever applied to each domain of an {@link InList}: the only
     * ones whose strings the verdict reads (a tlsa policy, perhaps a new one every day, only tells that
     * other types were reported, see {@link #otherTypes}).
     */
    static String applied(int slots) {
        return "SELECT policy_domain, policy_key, policy_type, policy_strings, mx_hosts FROM rollup_policy_applied"
                + " WHERE policy_domain IN (" + InList.placeholders(slots) + ") AND policy_type IN ('sts', 'no-policy-found')";
    }

    /** The domains of an {@link InList} that were reported with a policy type other than sts. */
    static String otherTypes(int slots) {
        return "SELECT DISTINCT policy_domain FROM rollup_policy_applied WHERE policy_domain IN (" + InList.placeholders(slots) + ")"
                + " AND policy_type <> 'sts'";
    }

    /**
     * Per domain of an {@link InList}, reporter and applied sts policy: the first and the last day it was
     * reported (V68, kept at ingest). Spans of other policy types tell the verdict nothing.
     */
    static String spans(int slots) {
        // CROSS JOIN: SQLite keeps this order, from the sts policies (V71) to their spans (V71)
        return "SELECT s.policy_domain, s.reporter_key, s.policy_key, s.first_day, s.last_day"
                + " FROM rollup_policy_applied a CROSS JOIN rollup_policy_span s"
                + " WHERE a.policy_domain IN (" + InList.placeholders(slots) + ") AND a.policy_type = 'sts'"
                + " AND s.policy_domain = a.policy_domain AND s.policy_key = a.policy_key";
    }

    /**
     * The last day before the given one that a reporter applied a policy: for a span that runs on to
     * that day or later (a report dated today, or an instant in the past), through the V67 index.
     */
    static final String LAST_DAY_BEFORE = """
            SELECT MAX(day) FROM rollup_policy_daily
            WHERE policy_domain = ? AND reporter_key = ? AND policy_key = ? AND kind = 'R' AND day < ?""";

    /**
     * Every cell of a range of days of each domain of an {@link InList} ({@code day >= ? AND day < ?}),
     * and before a later day ({@code day >= ?}) only the report cells: one row per domain (a
     * {@link CellsJson}), grouped by the primary key's first column, so nothing is sorted.
     */
    static String cells(Dialect dialect, int slots) {
        return "SELECT policy_domain, " + CellsJson.aggregate(dialect) + " FROM rollup_policy_daily"
                + " WHERE policy_domain IN (" + InList.placeholders(slots) + ") AND day >= ? AND day < ? AND (day >= ? OR kind = 'R')"
                + " GROUP BY policy_domain";
    }

    /** Per domain of an {@link InList} with any, the revision of each day of a range ({@code day >= ? AND day < ?}, V72). */
    static String revisions(Dialect dialect, int slots) {
        return "SELECT policy_domain, " + CellsJson.revisionsAggregate(dialect) + " FROM rollup_policy_revision"
                + " WHERE policy_domain IN (" + InList.placeholders(slots) + ") AND day >= ? AND day < ? GROUP BY policy_domain";
    }

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
        return COLUMN_STAMPS + " WHERE t.policy_domain IN (" + InList.placeholders(domains) + ")";
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
