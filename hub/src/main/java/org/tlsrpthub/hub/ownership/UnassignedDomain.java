package org.tlsrpthub.hub.ownership;

import java.time.Instant;

/**
 * A domain seen in reports (or served) that no organisation has yet. Its reports are stored and
 * counted like any other; only the hub admin sees them until it is assigned.
 *
 * @param lastReportEnd the end of its newest report's range; null when no report names it yet
 */
public record UnassignedDomain(String domain, long reports, Instant lastReportEnd) {}
