package org.tlsrpthub.hub.alerts;

import org.tlsrpthub.hub.store.Dialect;
import org.tlsrpthub.hub.store.InList;

/** The SQL of incidents; the organisation is the domain's in domain_org (none for the hub's own inputs). */
final class IncidentSql {
    private IncidentSql() {}

    static final String COLUMNS = "i.id, i.domain, o.org, i.rule, i.subject, i.severity, i.state, i.summary, i.evidence, i.rate_percent,"
            + " i.opened_at, i.updated_at, i.last_seen_at, i.resolved_at, i.acked_by, i.acked_at, i.snoozed_by, i.snoozed_at,"
            + " i.snoozed_until, i.parties";
    static final String FROM = " FROM incident i LEFT JOIN domain_org o ON o.domain = i.domain";

    static final String OPEN_ALL = "SELECT " + COLUMNS + FROM + " WHERE i.state = 'open'";

    /**
     * The open incidents of the domains of an {@link InList}, through the open ones' key. SQLite is
     * told which index: without statistics (no ANALYZE is run) it would take (state, updated_at) and
     * read every open incident of the hub to find the few of a batch's domains.
     */
    static String openOfDomains(Dialect dialect, int slots) {
        String incident = dialect == Dialect.SQLITE ? "incident i INDEXED BY incident_open_key" : "incident i";
        return "SELECT " + COLUMNS + " FROM " + incident + " LEFT JOIN domain_org o ON o.domain = i.domain"
                + " WHERE i.state = 'open' AND i.domain IN (" + InList.placeholders(slots) + ")";
    }

    static final String INSERT = "INSERT INTO incident (domain, rule, subject, severity, state, summary, rate_percent, parties, evidence,"
            + " opened_at, updated_at, last_seen_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    /** A material change: new numbers, the rate it is measured against next, and attention needed again (the acknowledgement ends). */
    static final String UPDATE = "UPDATE incident SET severity = ?, summary = ?, rate_percent = ?, parties = ?, evidence = ?,"
            + " updated_at = ?, last_seen_at = ?, acked_by = NULL, acked_at = NULL WHERE id = ?";
    /** Still firing, nothing material: fresh numbers, no transition. */
    static final String SEEN = "UPDATE incident SET severity = ?, summary = ?, parties = ?, evidence = ?, last_seen_at = ? WHERE id = ?";
    /** Still firing with the very same numbers: only when it was last seen. */
    static final String SEEN_UNCHANGED = "UPDATE incident SET last_seen_at = ? WHERE id = ?";
    static final String RESOLVE = "UPDATE incident SET state = 'resolved', resolved_at = ?, updated_at = ? WHERE id = ?";
    static final String ACK = "UPDATE incident SET acked_by = ?, acked_at = ? WHERE id = ?";
    static final String SNOOZE = "UPDATE incident SET snoozed_by = ?, snoozed_at = ?, snoozed_until = ? WHERE id = ?";
    static final String EVENT = "INSERT INTO incident_event (incident_id, at, kind, severity, actor, detail) VALUES (?, ?, ?, ?, ?, ?)";
    static final String EVENTS = "SELECT at, kind, severity, actor, detail FROM incident_event WHERE incident_id = ? ORDER BY id";
    static final String ORG_OF = "SELECT org FROM domain_org WHERE domain = ?";

    static final String ONE = "SELECT " + COLUMNS + FROM + " WHERE i.id = ?";

    /** Open ones first (most severe first), then by last change, newest first. */
    static final String ORDER = " ORDER BY CASE WHEN i.state = 'open' THEN 0 ELSE 1 END,"
            + " CASE i.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, i.updated_at DESC, i.id DESC";
}
