package org.tlsrpthub.hub.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One change in an incident's life that people are told about. The incident engine hands it to the
 * {@link TransitionSink} inside the transaction that changes the incident, so the notification exists
 * exactly when the change does.
 *
 * @param org      the organisation owning the domain (routing and recipients are per organisation)
 * @param subject  the reporter, MX host or result type the incident is about, "" when the rule has none
 * @param severity "info", "warning" or "critical"
 * @param summary  one plain sentence: what happened, with its numbers
 * @param evidence the numbers, the window and report ids, as the incident shows them
 * @param link     the incident's path on the hub ("/incidents/42"), made absolute with http.public-url
 */
public record IncidentTransition(long incidentId, Kind kind, String org, String domain, String rule, String subject,
                                 String severity, Instant at, String summary, Map<String, Object> evidence, String link) {
    public IncidentTransition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(rule, "rule");
        evidence = Map.copyOf(evidence);
    }

    public enum Kind { OPENED, UPDATED, RESOLVED }
}
