package org.tlsrpthub.hub.analysis;

import java.time.Instant;
import java.util.List;

/** One row of the report list. {@code id} is the hub's id; {@code reportId} the sender's. */
public record ReportListItem(long id, String reporter, String organizationName, String reportId, Instant rangeStart,
        Instant rangeEnd, long successfulSessions, long failedSessions, Instant storedAt, List<String> policyDomains) {}
