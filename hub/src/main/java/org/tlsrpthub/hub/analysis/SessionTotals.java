package org.tlsrpthub.hub.analysis;

/**
 * Reports and sessions over some period.
 *
 * @param failureRate failed / (successful + failed), volume-weighted (a day with many sessions
 *                    weighs more than a quiet one); 0 when there were no sessions
 */
public record SessionTotals(long reports, long successfulSessions, long failedSessions, long totalSessions,
        double failureRate) {

    public static SessionTotals of(long reports, long successful, long failed) {
        long total = successful + failed;
        return new SessionTotals(reports, successful, failed, total, total == 0 ? 0 : (double) failed / total);
    }
}
