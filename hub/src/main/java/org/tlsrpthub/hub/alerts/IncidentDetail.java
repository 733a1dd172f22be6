package org.tlsrpthub.hub.alerts;

import java.util.List;

/** An incident with its history, oldest first. */
public record IncidentDetail(Incident incident, List<IncidentEvent> history) {}
