package org.tlsrpthub.hub.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * One incident as the pages, the API and the CLI show it.
 *
 * @param org      the organisation of its domain (null: none, e.g. the hub's own intake)
 * @param state    open or resolved
 * @param evidence the numbers, the window and the report ids when opened or last refreshed
 */
public record Incident(long id, String domain, String org, String rule, String subject, Severity severity, String state,
                       String summary, Map<String, Object> evidence, Double ratePercent, Instant openedAt, Instant updatedAt,
                       Instant lastSeenAt, Instant resolvedAt, String acknowledgedBy, Instant acknowledgedAt, String snoozedBy,
                       Instant snoozedAt, Instant snoozedUntil) {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    /** Snoozed at {@code at}: its updates are recorded but not sent. */
    public boolean snoozedAt(Instant at) {
        return snoozedUntil != null && snoozedUntil.isAfter(at);
    }

    public String link() {
        return "/incidents/" + id;
    }
}
