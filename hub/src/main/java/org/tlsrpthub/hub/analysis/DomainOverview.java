package org.tlsrpthub.hub.analysis;

import java.time.Instant;
import java.util.List;

/**
 * One row of the overview.
 *
 * @param daily          one point per day of the period, for the sparkline
 * @param topFailureType the result type with the most failed sessions in the period; null when none
 * @param lastReportEnd  the end of the newest report's range over all time; null when never reported
 */
public record DomainOverview(String domain, SessionTotals totals, List<DailyCount> daily, String topFailureType,
        Instant lastReportEnd, DomainStatus status) {}
