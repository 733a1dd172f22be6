package org.tlsrpthub.hub.junk;

/** The SQL of the junk quota and expiry. Junk is a quarantine row with an expiry. */
final class JunkSql {
    private JunkSql() {}

    static final String USAGE = """
            SELECT COUNT(*), COALESCE(SUM(i.size_bytes), 0)
            FROM quarantine q JOIN raw_input i ON i.id = q.raw_input_id
            WHERE q.expires_at IS NOT NULL""";

    static final String DELETE_EXPIRED_RAW =
            "DELETE FROM raw_input WHERE id IN (SELECT raw_input_id FROM quarantine WHERE expires_at < ?)";
    static final String DELETE_EXPIRED = "DELETE FROM quarantine WHERE expires_at < ?";
}
