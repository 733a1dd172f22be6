package org.tlsrpthub.hub.notifications;

import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.hub.alerts.IncidentTransition;

/**
 * One notification to send: an outbox row's transition, for one channel and (email) one recipient.
 *
 * @param id        the outbox row, sent along (X-TLSRPT-Delivery, Message-ID) so a receiver can drop
 *                  the rare repeat after a node died between sending and recording it
 * @param test      a test message ({@code alerts test}), not about a real incident
 * @param recipient an email address, or "" for webhooks
 * @param link      the incident's absolute URL (http.public-url + the transition's link), or its path
 */
public record Message(long id, boolean test, IncidentTransition transition, String recipient, String link) {

    /** "opened", "updated", "resolved" or "test". */
    public String kind() {
        return test ? "test" : transition.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One line: what happened to which incident. */
    public String title() {
        IncidentTransition t = transition;
        if (test) return "TLS-RPT Hub: test message for " + t.domain();
        String about = t.subject() == null || t.subject().isEmpty() ? "" : " (" + t.subject() + ")";
        return "TLS-RPT Hub: " + t.severity() + " " + t.rule() + " " + kind() + " for " + t.domain() + about;
    }

    /** The transition's sentence, or the title when it has none. */
    public String summary() {
        String s = transition.summary();
        return s == null || s.isBlank() ? title() : s;
    }

    /** The evidence in a stable order, for the plain-text and card renderings. */
    public Map<String, Object> evidence() {
        return new TreeMap<>(transition.evidence());
    }

    /** The plain-text body (email, and Slack's fallback). */
    public String text() {
        StringBuilder b = new StringBuilder(summary()).append("\n\n");
        b.append("Domain: ").append(transition.domain()).append('\n');
        b.append("Rule: ").append(transition.rule()).append('\n');
        b.append("Severity: ").append(transition.severity()).append('\n');
        if (transition.subject() != null && !transition.subject().isEmpty()) b.append("Subject: ").append(transition.subject()).append('\n');
        b.append("At: ").append(transition.at()).append('\n');
        evidence().forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        if (link != null && !link.isEmpty()) b.append("\n").append(link).append('\n');
        return b.toString();
    }
}
