package org.tlsrpthub.hub.alerts;

import java.util.List;

/** One page of incidents and how many match in all. */
public record IncidentPage(List<Incident> items, long matching, int page, int size) {}
