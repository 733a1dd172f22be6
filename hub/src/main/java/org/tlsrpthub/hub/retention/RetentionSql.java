package org.tlsrpthub.hub.retention;

/**
 * What retention removes. Quarantined inputs are kept whatever their age (they are the only copy
 * of something the hub could not read and wait for a person or a parser upgrade), except junk
 * whose expiry has passed.
 */
final class RetentionSql {
    private RetentionSql() {}

    static final String COUNT_RAW = "SELECT count(*) FROM raw_input WHERE received_at < ? AND status = 'parsed'";
    static final String DELETE_RAW = "DELETE FROM raw_input WHERE received_at < ? AND status = 'parsed'";

    static final String COUNT_EXPIRED_JUNK = "SELECT count(*) FROM quarantine WHERE expires_at < ?";

    // The rule is the range's end; range_start (never after the end) is there for its index.
    static final String COUNT_DETAILS = """
            SELECT count(*) FROM failure_detail
            WHERE report_id IN (SELECT id FROM report WHERE range_start < ? AND range_end < ?)""";
    static final String DELETE_DETAILS = """
            DELETE FROM failure_detail
            WHERE report_id IN (SELECT id FROM report WHERE range_start < ? AND range_end < ?)""";
}
