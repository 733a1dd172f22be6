package org.tlsrpthub.hub.reprocess;

/** The SQL of re-parsing archived inputs. Pages by id so that memory stays bounded. */
final class ReprocessSql {
    private ReprocessSql() {}

    // Inputs held back by dkim.policy=require (the second parameter, Quarantine.DKIM) are left out,
    // by every query here: a new parser does not make a missing or broken signature valid, and the
    // keys may have been rotated since (RFC 8460 §3).
    static final String QUARANTINED_PAGE = """
            SELECT r.id, r.content_gzip, r.channel, r.received_at, r.origin, r.message_id, r.dkim_result
            FROM raw_input r JOIN quarantine q ON q.raw_input_id = r.id
            WHERE r.id > ? AND q.kind <> ? ORDER BY r.id LIMIT ?""";

    static final String ALL_PAGE = """
            SELECT r.id, r.content_gzip, r.channel, r.received_at, r.origin, r.message_id, r.dkim_result
            FROM raw_input r
            WHERE r.id > ? AND NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.raw_input_id = r.id AND q.kind = ?)
            ORDER BY r.id LIMIT ?""";

    static final String QUARANTINED_ONE = """
            SELECT r.id, r.content_gzip, r.channel, r.received_at, r.origin, r.message_id, r.dkim_result
            FROM raw_input r JOIN quarantine q ON q.raw_input_id = r.id
            WHERE r.id = ? AND q.kind <> ?""";

    static final String QUARANTINE_KIND = "SELECT kind FROM quarantine WHERE raw_input_id = ?";

    static final String RELEASE = "DELETE FROM quarantine WHERE raw_input_id = ?";
    static final String MARK_PARSED = "UPDATE raw_input SET status = 'parsed' WHERE id = ?";
    static final String UPDATE_REASON = "UPDATE quarantine SET kind = ?, reason = ?, message = ? WHERE raw_input_id = ?";
}
