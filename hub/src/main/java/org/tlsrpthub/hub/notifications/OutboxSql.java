package org.tlsrpthub.hub.notifications;

/** The statements on notification_outbox (V62). */
final class OutboxSql {
    private OutboxSql() {}

    static final String INSERT = "INSERT INTO notification_outbox (created_at, incident_id, kind, org, domain, rule, severity, channel,"
            + " recipient, payload, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)";

    private static final String DUE = "SELECT id FROM notification_outbox WHERE status = 'pending' AND next_attempt_at <= ?"
            + " AND (claimed_until IS NULL OR claimed_until < ?) AND attempts < ? ORDER BY id LIMIT 1";

    /**
     * Claims the oldest due row for one node: the attempt is counted at the claim, so a message that
     * kills its sender still runs out of attempts. PostgreSQL skips rows another node is claiming at the
     * same moment; SQLite has one writer, whose BEGIN IMMEDIATE already makes the claim exclusive.
     */
    static String claim(boolean postgres) {
        return "UPDATE notification_outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE id IN ("
                + DUE + (postgres ? " FOR UPDATE SKIP LOCKED" : "") + ") RETURNING id, kind, channel, recipient, payload, attempts";
    }

    /** Claims one given row (a test message, sent at once). */
    static final String CLAIM_ONE = "UPDATE notification_outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1"
            + " WHERE id = ? AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)"
            + " RETURNING id, kind, channel, recipient, payload, attempts";

    /** Rows whose last attempt was claimed by a node that died: out of attempts, so failed. */
    static final String ABANDONED = "UPDATE notification_outbox SET status = 'failed', claimed_by = NULL, claimed_until = NULL,"
            + " last_error = COALESCE(last_error || '; ', '') || 'the node sending the last attempt stopped'"
            + " WHERE status = 'pending' AND attempts >= ? AND claimed_until < ?";

    /** claimed_by stays: it names the node that sent the row. */
    static final String SENT = "UPDATE notification_outbox SET status = 'sent', sent_at = ?, claimed_until = NULL"
            + " WHERE id = ? AND claimed_by = ?";

    static final String RETRY = "UPDATE notification_outbox SET next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL"
            + " WHERE id = ? AND claimed_by = ?";

    static final String FAILED = "UPDATE notification_outbox SET status = 'failed', last_error = ?, claimed_by = NULL, claimed_until = NULL"
            + " WHERE id = ? AND claimed_by = ?";

    /** The newest rows first; the caller appends the organisation filter and LIMIT. */
    static final String RECENT = "SELECT id, created_at, kind, org, domain, rule, severity, channel, recipient, status, attempts,"
            + " next_attempt_at, last_error, sent_at FROM notification_outbox WHERE 1 = 1";
}
