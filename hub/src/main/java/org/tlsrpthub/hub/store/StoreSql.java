package org.tlsrpthub.hub.store;

/** The SQL that writes inputs and reports. Identical on SQLite and PostgreSQL (both have ON CONFLICT). */
final class StoreSql {
    private StoreSql() {}

    static final String INSERT_RAW = """
            INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at,
                                   origin, message_id, dkim_result)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sha256) DO NOTHING""";

    static final String RAW_ID_BY_SHA = "SELECT id FROM raw_input WHERE sha256 = ?";

    static final String INSERT_QUARANTINE = """
            INSERT INTO quarantine (raw_input_id, kind, reason, message, quarantined_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (raw_input_id) DO NOTHING""";

    static final String INSERT_REPORT = """
            INSERT INTO report (id, reporter_key, report_id, range_start, range_end, organization_name,
                                contact_info, raw_input_id, stored_at, successful_sessions, failed_sessions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (reporter_key, report_id, range_start, range_end) DO NOTHING""";

    static final String REPORT_ID_BY_KEY = """
            SELECT id FROM report
            WHERE reporter_key = ? AND report_id = ? AND range_start = ? AND range_end = ?""";

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

    static final String UPSERT_ROLLUP = """
            INSERT INTO rollup_daily (day, policy_domain, reporter_key, kind, result_type, receiving_mx, sessions)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (policy_domain, day, reporter_key, kind, result_type, receiving_mx)
            DO UPDATE SET sessions = rollup_daily.sessions + excluded.sessions""";
}
