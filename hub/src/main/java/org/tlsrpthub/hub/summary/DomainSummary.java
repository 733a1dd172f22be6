package org.tlsrpthub.hub.summary;

import java.time.LocalDate;
import java.util.List;

/**
 * TLS results for one policy domain over a period, as the reporters saw them.
 *
 * @param reports            reports about the domain
 * @param successfulSessions sessions that negotiated TLS and passed the policy
 * @param failedSessions     failed sessions as the reports' summaries say
 * @param failureRate        failed / (successful + failed); 0 when there were no sessions
 * @param byResultType       failed sessions per result type, from the failure details, largest first
 *                           (failure types are not exclusive, so they need not add up to failedSessions)
 * @param byReporter         sessions per reporting organisation, most sessions first
 * @param byReceivingMx      failed sessions per receiving MX host from the failure details ("" when unnamed)
 */
public record DomainSummary(
        String domain, LocalDate from, LocalDate to,
        long reports, long successfulSessions, long failedSessions, double failureRate,
        List<Count> byResultType, List<ReporterCounts> byReporter, List<Count> byReceivingMx) {

    public record Count(String name, long sessions) {}

    public record ReporterCounts(String reporter, long reports, long successfulSessions, long failedSessions) {}
}
