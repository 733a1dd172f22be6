package org.tlsrpthub.hub.analysis;

/** The SQL of the quarantine views. The raw bytes and provenance live in raw_input. */
final class QuarantineSql {
    private QuarantineSql() {}

    static final String COUNT = "SELECT COUNT(*) FROM quarantine";

    static final String PAGE = """
            SELECT q.raw_input_id, q.kind, q.reason, q.message, q.quarantined_at,
                   i.channel, i.received_at, i.origin, i.message_id, i.dkim_result, i.size_bytes, i.sha256, q.expires_at
            FROM quarantine q JOIN raw_input i ON i.id = q.raw_input_id
            ORDER BY q.quarantined_at DESC, q.raw_input_id DESC
            LIMIT ? OFFSET ?""";

    static final String ONE = """
            SELECT q.raw_input_id, q.kind, q.reason, q.message, q.quarantined_at,
                   i.channel, i.received_at, i.origin, i.message_id, i.dkim_result, i.size_bytes, i.sha256, q.expires_at,
                   i.content_gzip
            FROM quarantine q JOIN raw_input i ON i.id = q.raw_input_id
            WHERE q.raw_input_id = ?""";
}
