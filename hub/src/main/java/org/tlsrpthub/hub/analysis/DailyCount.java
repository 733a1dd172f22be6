package org.tlsrpthub.hub.analysis;

import java.time.LocalDate;

/** One UTC day of a domain's time series (days without reports are present with zeros). */
public record DailyCount(LocalDate day, long reports, long successfulSessions, long failedSessions, double failureRate) {

    static DailyCount of(LocalDate day, long reports, long successful, long failed) {
        long total = successful + failed;
        return new DailyCount(day, reports, successful, failed, total == 0 ? 0 : (double) failed / total);
    }
}
