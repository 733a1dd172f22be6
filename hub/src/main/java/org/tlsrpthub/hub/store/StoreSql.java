package org.tlsrpthub.hub.store;

/** The SQL that writes inputs and reports. Identical on SQLite and PostgreSQL (both have ON CONFLICT). */
final class StoreSql {
    private StoreSql() {}

    static final String INSERT_RAW = """
            INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at,
                                   origin, message_id, dkim_result)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sha256) WHERE status = 'quarantined' DO NOTHING""";

    static final String QUARANTINED_RAW_ID_BY_SHA = "SELECT id FROM raw_input WHERE sha256 = ? AND status = 'quarantined'";

    /** Ids and sha256 of the quarantined inputs among {@code n} given sha256 values. */
    static String quarantinedRawIdsBySha(int n) {
        return "SELECT id, sha256 FROM raw_input WHERE status = 'quarantined' AND sha256 IN ("
                + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
    }

    /** The archived input with these bytes among those a known report arrived in (first arrival, sightings or contenders). */
    static final String RAW_ID_OF_KNOWN_REPORT_BY_SHA = """
            SELECT i.id FROM report r JOIN raw_input i ON i.id = r.raw_input_id
            WHERE r.reporter_key = ? AND r.report_id = ? AND r.range_start = ? AND r.range_end = ? AND i.sha256 = ?
            UNION ALL
            SELECT i.id FROM report r JOIN report_sighting s ON s.report_id = r.id JOIN raw_input i ON i.id = s.raw_input_id
            WHERE r.reporter_key = ? AND r.report_id = ? AND r.range_start = ? AND r.range_end = ? AND i.sha256 = ?
            UNION ALL
            SELECT i.id FROM report r JOIN report_contender k ON k.report_id = r.id JOIN raw_input i ON i.id = k.raw_input_id
            WHERE r.reporter_key = ? AND r.report_id = ? AND r.range_start = ? AND r.range_end = ? AND i.sha256 = ?""";

    static final String REPOINT_REPORTS = "UPDATE report SET raw_input_id = ? WHERE raw_input_id = ?";

    static final String INSERT_QUARANTINE = """
            INSERT INTO quarantine (raw_input_id, kind, reason, message, quarantined_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (raw_input_id) DO NOTHING""";

    static final String INSERT_REPORT = """
            INSERT INTO report (id, reporter_key, report_id, range_start, range_end, organization_name,
                                contact_info, raw_input_id, stored_at, successful_sessions, failed_sessions,
                                content_hash, dkim_verified)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (reporter_key, report_id, range_start, range_end) DO NOTHING""";

    static final String REPORT_BY_KEY = """
            SELECT id, content_hash, dkim_verified, raw_input_id FROM report
            WHERE reporter_key = ? AND report_id = ? AND range_start = ? AND range_end = ?""";

    static final String INSERT_CONTENDER = """
            INSERT INTO report_contender (report_id, raw_input_id, displaced) VALUES (?, ?, ?)
            ON CONFLICT (report_id, raw_input_id) DO NOTHING""";

    // Only for an input still archived: a quarantine row is the input's, and retention may have removed it.
    static final String QUARANTINE_IF_ARCHIVED = """
            INSERT INTO quarantine (raw_input_id, kind, reason, message, quarantined_at)
            SELECT id, ?, ?, ?, ? FROM raw_input WHERE id = ?
            ON CONFLICT (raw_input_id) DO NOTHING""";

    // The copies of displaced content become contenders too: they are no longer copies of the report.
    static final String SIGHTINGS_TO_CONTENDERS = """
            INSERT INTO report_contender (report_id, raw_input_id, displaced)
            SELECT DISTINCT report_id, raw_input_id, TRUE FROM report_sighting WHERE report_id = ? AND raw_input_id IS NOT NULL
            ON CONFLICT (report_id, raw_input_id) DO NOTHING""";

    static final String IS_SIGHTING = "SELECT 1 FROM report_sighting WHERE report_id = ? AND raw_input_id = ?";

    static final String DELETE_SIGHTINGS = "DELETE FROM report_sighting WHERE report_id = ?";

    static final String INSERT_SIGHTING = """
            INSERT INTO report_sighting (id, report_id, raw_input_id, channel, received_at, origin, message_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    static final String INSERT_POLICY = """
            INSERT INTO policy (id, report_id, position, policy_type, policy_domain, policy_strings, mx_hosts,
                                successful_sessions, failed_sessions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String INSERT_FAILURE_DETAIL = """
            INSERT INTO failure_detail (id, policy_id, report_id, result_type, sending_mta_ip, receiving_mx_hostname,
                                        receiving_mx_helo, receiving_ip, failed_session_count,
                                        additional_information, failure_reason_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String INSERT_WARNING = """
            INSERT INTO report_warning (id, report_id, code, location, message)
            VALUES (?, ?, ?, ?, ?)""";

    // Each upsert adds to the cell that is there; the ON CONFLICT halves are shared with the
    // migration that merges domain spellings (DomainSpellingMergeSql).

    static final String ADD_TO_ROLLUP = """
            ON CONFLICT (policy_domain, day, reporter_key, kind, result_type, receiving_mx)
            DO UPDATE SET sessions = rollup_daily.sessions + excluded.sessions""";

    static final String UPSERT_ROLLUP = """
            INSERT INTO rollup_daily (day, policy_domain, reporter_key, kind, result_type, receiving_mx, sessions)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """ + ADD_TO_ROLLUP;

    /** Adds the counts of a per-domain cell of {@code table} keyed by {@code period} (day or month) and domain. */
    static String addToDomainCounts(String table, String period) {
        return "ON CONFLICT (" + period + ", policy_domain) DO UPDATE SET\n"
                + "    reports = " + table + ".reports + excluded.reports,\n"
                + "    successful_sessions = " + table + ".successful_sessions + excluded.successful_sessions,\n"
                + "    failed_sessions = " + table + ".failed_sessions + excluded.failed_sessions";
    }

    static final String UPSERT_DOMAIN_DAY = """
            INSERT INTO rollup_domain_daily (day, policy_domain, reports, successful_sessions, failed_sessions)
            VALUES (?, ?, ?, ?, ?)
            """ + addToDomainCounts("rollup_domain_daily", "day");

    static final String UPSERT_DOMAIN_MONTH = """
            INSERT INTO rollup_domain_monthly (month, policy_domain, reports, successful_sessions, failed_sessions)
            VALUES (?, ?, ?, ?, ?)
            """ + addToDomainCounts("rollup_domain_monthly", "month");

    static final String ADD_TO_DIMENSION = """
            ON CONFLICT (policy_domain, day, dimension, value, kind)
            DO UPDATE SET sessions = rollup_dimension_daily.sessions + excluded.sessions""";

    static final String UPSERT_DIMENSION = """
            INSERT INTO rollup_dimension_daily (policy_domain, day, dimension, value, kind, sessions)
            VALUES (?, ?, ?, ?, ?, ?)
            """ + ADD_TO_DIMENSION;

    // CASE, not MAX()/GREATEST(): the two dialects spell the two-argument maximum differently.
    static final String ADD_TO_DOMAIN_TOTAL = """
            ON CONFLICT (policy_domain) DO UPDATE SET
                last_range_end = CASE WHEN excluded.last_range_end > rollup_domain_total.last_range_end
                                      THEN excluded.last_range_end ELSE rollup_domain_total.last_range_end END,
                last_stored_at = CASE WHEN excluded.last_stored_at > rollup_domain_total.last_stored_at
                                      THEN excluded.last_stored_at ELSE rollup_domain_total.last_stored_at END,
                reports = rollup_domain_total.reports + excluded.reports,
                successful_sessions = rollup_domain_total.successful_sessions + excluded.successful_sessions,
                failed_sessions = rollup_domain_total.failed_sessions + excluded.failed_sessions""";

    static final String UPSERT_DOMAIN_TOTAL = """
            INSERT INTO rollup_domain_total (policy_domain, last_range_end, last_stored_at, reports,
                                             successful_sessions, failed_sessions)
            VALUES (?, ?, ?, ?, ?, ?)
            """ + ADD_TO_DOMAIN_TOTAL;

    // The V30 back-fill (ContentHashBackfill), through the partial index report_content_hash_missing.
    static final String REPORTS_WITHOUT_HASH = """
            SELECT r.id, r.reporter_key, i.dkim_result FROM report r LEFT JOIN raw_input i ON i.id = r.raw_input_id
            WHERE r.content_hash IS NULL ORDER BY r.id LIMIT ?""";

    static final String SET_HASH = "UPDATE report SET content_hash = ?, dkim_verified = ? WHERE id = ?";

    // Re-parsing a stored report (ReportStore.refresh): read what is stored, replace it, settle the rollups.

    static final String REPORT_FOR_REFRESH = """
            SELECT id, raw_input_id, organization_name, contact_info, stored_at, successful_sessions, failed_sessions,
                   report_id, range_start, range_end, dkim_verified
            FROM report WHERE reporter_key = ? AND report_id = ? AND range_start = ? AND range_end = ?""";

    static final String REPORT_FOR_REFRESH_BY_ID = """
            SELECT id, raw_input_id, organization_name, contact_info, stored_at, successful_sessions, failed_sessions,
                   report_id, range_start, range_end, dkim_verified
            FROM report WHERE id = ?""";

    static final String STORED_POLICIES = """
            SELECT id, policy_type, policy_domain, policy_strings, mx_hosts, successful_sessions, failed_sessions
            FROM policy WHERE report_id = ? ORDER BY position""";

    // Ids are handed out in insertion order (IdAllocator), so ORDER BY id is the order of the report.
    static final String STORED_FAILURE_DETAILS = """
            SELECT policy_id, result_type, sending_mta_ip, receiving_mx_hostname, receiving_mx_helo, receiving_ip,
                   failed_session_count, additional_information, failure_reason_code
            FROM failure_detail WHERE report_id = ? ORDER BY id""";

    static final String STORED_WARNINGS = "SELECT code, location, message FROM report_warning WHERE report_id = ? ORDER BY id";

    static final String DELETE_FAILURE_DETAILS = "DELETE FROM failure_detail WHERE report_id = ?";
    static final String DELETE_POLICIES = "DELETE FROM policy WHERE report_id = ?";
    static final String DELETE_WARNINGS = "DELETE FROM report_warning WHERE report_id = ?";

    static final String UPDATE_REPORT = """
            UPDATE report SET organization_name = ?, contact_info = ?, successful_sessions = ?, failed_sessions = ?,
                              content_hash = ?, dkim_verified = ?, raw_input_id = ?
            WHERE id = ?""";

    static final String DELETE_ROLLUP_IF_EMPTY = """
            DELETE FROM rollup_daily WHERE day = ? AND policy_domain = ? AND reporter_key = ? AND kind = ?
                AND result_type = ? AND receiving_mx = ? AND sessions = 0""";

    static final String DELETE_DOMAIN_DAY_IF_EMPTY = """
            DELETE FROM rollup_domain_daily WHERE day = ? AND policy_domain = ?
                AND reports = 0 AND successful_sessions = 0 AND failed_sessions = 0""";

    static final String DELETE_DOMAIN_MONTH_IF_EMPTY = """
            DELETE FROM rollup_domain_monthly WHERE month = ? AND policy_domain = ?
                AND reports = 0 AND successful_sessions = 0 AND failed_sessions = 0""";

    static final String DELETE_DIMENSION_IF_EMPTY = """
            DELETE FROM rollup_dimension_daily WHERE policy_domain = ? AND day = ? AND dimension = ? AND value = ?
                AND kind = ? AND sessions = 0""";

    static final String DELETE_DOMAIN_TOTAL_IF_EMPTY = "DELETE FROM rollup_domain_total WHERE policy_domain = ? AND reports = 0";

    // Only for domains a re-parsed report no longer mentions (rare: a parser fix of the policy-domain).
    static final String RECOMPUTE_DOMAIN_LAST = """
            UPDATE rollup_domain_total SET
                last_range_end = (SELECT MAX(r.range_end) FROM report r JOIN policy p ON p.report_id = r.id
                                  WHERE COALESCE(p.policy_domain, '') = ?),
                last_stored_at = (SELECT MAX(r.stored_at) FROM report r JOIN policy p ON p.report_id = r.id
                                  WHERE COALESCE(p.policy_domain, '') = ?)
            WHERE policy_domain = ?""";
}
