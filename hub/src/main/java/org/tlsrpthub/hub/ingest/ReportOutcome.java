package org.tlsrpthub.hub.ingest;

/** What became of one report of an input; {@code reason} is null unless quarantined or rejected. */
public record ReportOutcome(String reporterKey, String reportId, IngestStatus status, String reason) {}
