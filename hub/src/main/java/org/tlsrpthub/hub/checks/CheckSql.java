package org.tlsrpthub.hub.checks;

import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;

/** The SQL of stored live checks, their events and the coverage page (migration V60). */
final class CheckSql {
    private CheckSql() {}

    static final String INSERT_RESULT = """
            INSERT INTO check_result (domain, checked_at, source, errors, warnings, tlsrpt_status, reaches_hub, tlsrpt_publish,
                mta_sts_record, policy_status, policy_mode, policy_id, mx_count, mx_covered, starttls_all, min_days_to_expiry,
                dane_status, body, policy_mx, policy_max_age)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";
    static final String INSERT_FINDING = "INSERT INTO check_finding (result_id, position, finding, severity, subject) VALUES (?, ?, ?, ?, ?)";
    static final String INSERT_EVENT = """
            INSERT INTO check_event (domain, at, kind, subject, finding, severity, detail, result_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String SET_LATEST = """
            INSERT INTO check_latest (domain, result_id) VALUES (?, ?)
            ON CONFLICT (domain) DO UPDATE SET result_id = excluded.result_id""";
    /**
     * PostgreSQL: waits for any other save of the domain to commit. The first key keeps these locks
     * apart from any other use of advisory locks; two domains whose hashes collide merely take turns.
     */
    static final String LOCK_DOMAIN = "SELECT pg_advisory_xact_lock(" + 0x6c697665 + ", hashtext(?))";
    static final String LATEST = """
            SELECT r.id, r.source, r.body FROM check_latest l JOIN check_result r ON r.id = l.result_id WHERE l.domain = ?""";
    /** The domains of an {@link org.tlsrpthub.hub.store.InList} with any stored check (every check moves check_latest; pruning keeps the newest). */
    static String checkedAmong(int slots) {
        return "SELECT domain FROM check_latest WHERE domain IN (" + org.tlsrpthub.hub.store.InList.placeholders(slots) + ")";
    }

    static final String HISTORY_AT = """
            SELECT id, source, body FROM check_result WHERE domain = ? AND checked_at <= ? ORDER BY checked_at DESC, id DESC LIMIT ?""";
    /** The fetched MTA-STS policy of the domain's checks taken at or before an instant, newest first (V69's columns). */
    static final String POLICIES_AT = """
            SELECT checked_at, policy_status, policy_mode, policy_mx, policy_max_age FROM check_result
            WHERE domain = ? AND checked_at <= ? ORDER BY checked_at DESC, id DESC LIMIT ?""";
    static final String HISTORY = "SELECT id, source, body FROM check_result WHERE domain = ? ORDER BY id DESC LIMIT ?";

    /** The id of a domain's N-th newest check: older ones that showed no change are pruned. */
    static final String NTH_NEWEST = "SELECT id FROM check_result WHERE domain = ? ORDER BY id DESC LIMIT 1 OFFSET ?";
    private static final String PRUNABLE = """
            SELECT r.id FROM check_result r WHERE r.domain = ? AND r.id < ?
              AND NOT EXISTS (SELECT 1 FROM check_event e WHERE e.result_id = r.id)""";
    static final String PRUNE_FINDINGS = "DELETE FROM check_finding WHERE result_id IN (" + PRUNABLE + ")";
    static final String PRUNE_RESULTS = "DELETE FROM check_result WHERE id IN (" + PRUNABLE + ")";

    private static final String EVENT_COLUMNS = "id, domain, at, kind, subject, finding, severity, detail";
    static final String EVENTS_SINCE = "SELECT " + EVENT_COLUMNS + " FROM check_event WHERE id > ? ORDER BY id LIMIT ?";
    static final String EVENTS_OF_DOMAIN = "SELECT " + EVENT_COLUMNS + " FROM check_event WHERE domain = ? ORDER BY id DESC LIMIT ?";

    /** Every served domain (all organisations) with when it was last checked: what a round chooses from. */
    static final String SCHEDULE = """
            SELECT s.domain, r.checked_at FROM served_domain s
            LEFT JOIN check_latest l ON l.domain = s.domain LEFT JOIN check_result r ON r.id = l.result_id
            ORDER BY s.domain""";

    static final String KNOWN_DOMAIN = """
            SELECT 1 FROM served_domain WHERE domain = ?
            UNION SELECT 1 FROM rollup_domain_total WHERE policy_domain = ?""";

    /** The served domains the scope sees, each with its newest check's facts (nulls when never checked). */
    static String coverage(Scope scope) {
        return """
                SELECT s.domain, r.checked_at, r.errors, r.warnings, r.tlsrpt_status, r.reaches_hub, r.tlsrpt_publish,
                    r.mta_sts_record, r.policy_status, r.policy_mode, r.policy_id, r.mx_count, r.mx_covered, r.starttls_all,
                    r.min_days_to_expiry, r.dane_status
                FROM served_domain s
                LEFT JOIN check_latest l ON l.domain = s.domain LEFT JOIN check_result r ON r.id = l.result_id
                WHERE 1 = 1""" + ScopeSql.andDomainIn(scope, "s.domain") + " ORDER BY s.domain";
    }

    // --- what senders reported, beside the live state
    /** Failed sessions per receiving MX and result type from the failure details, since a day. */
    static final String REPORTED_FAILURES = """
            SELECT receiving_mx, result_type, SUM(sessions), MIN(day), MAX(day) FROM rollup_daily
            WHERE policy_domain = ? AND kind = 'D' AND day >= ?
            GROUP BY receiving_mx, result_type ORDER BY receiving_mx, result_type""";
    /** The MTA-STS policies senders applied, per reporter, since an instant. */
    static final String REPORTED_POLICIES = """
            SELECT r.reporter_key, MAX(r.organization_name), p.policy_strings, MAX(r.range_end)
            FROM policy p JOIN report r ON r.id = p.report_id
            WHERE p.policy_domain = ? AND p.policy_type = 'sts' AND r.range_end >= ?
            GROUP BY r.reporter_key, p.policy_strings ORDER BY r.reporter_key""";
}
