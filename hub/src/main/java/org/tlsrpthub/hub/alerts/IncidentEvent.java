package org.tlsrpthub.hub.alerts;

import java.time.Instant;

/** One line of an incident's history: opened, updated, resolved, acknowledged or snoozed. */
public record IncidentEvent(Instant at, String kind, Severity severity, String actor, String detail) {}
