package org.tlsrpthub.hub.notifications;

/** The statements of the digest job. */
final class DigestSql {
    private DigestSql() {}

    static final String ASSIGNED_DOMAINS = "SELECT domain FROM domain_org ORDER BY domain";

    /** Claims the (recipient, period): 1 row inserted, or 0 when it was queued already. */
    static String claim(boolean postgres) {
        return postgres
                ? "INSERT INTO notification_digest (recipient, period_from, queued_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                : "INSERT OR IGNORE INTO notification_digest (recipient, period_from, queued_at) VALUES (?, ?, ?)";
    }

    /**
     * The newest transition of each incident the outbox has heard of: the incident is open unless that
     * transition is its resolution.
     */
    static final String LATEST_TRANSITIONS = "SELECT o.incident_id, o.domain, o.kind, o.payload FROM notification_outbox o"
            + " WHERE o.id = (SELECT MAX(i.id) FROM notification_outbox i WHERE i.incident_id = o.incident_id"
            + " AND i.kind IN ('opened', 'updated', 'resolved')) ORDER BY o.domain, o.incident_id";
}
