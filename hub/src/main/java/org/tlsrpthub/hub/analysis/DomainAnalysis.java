package org.tlsrpthub.hub.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tlsrpthub.core.taxonomy.FailureDescription;

/**
 * Everything the domain page shows for one period.
 *
 * @param current        totals of the period
 * @param previous       totals of the period of the same length just before
 * @param daily          one point per day of the period
 * @param byFailureType  failed sessions per result type from the failure details, largest first,
 *                       each with the taxonomy's explanation and remediation (failure types are
 *                       not exclusive, so they need not add up to the failed sessions)
 * @param byReporter     per reporting organisation (reporter key: the contact-info domain), most sessions first
 * @param byReceivingMx  failed sessions per receiving MX host ("" when the sender named none)
 * @param bySendingIp    failed sessions per sending MTA IP, top N
 * @param byPolicyType   sessions per policy type (sts, tlsa, no-policy-found, …)
 * @param appliedPolicies the policy each sender applied most recently in the period, per policy type
 */
public record DomainAnalysis(String domain, Period period, DomainStatus status, Instant lastReportEnd,
        SessionTotals current, SessionTotals previous, Change change, List<DailyCount> daily,
        List<FailureTypeCount> byFailureType, List<ReporterCount> byReporter, List<NamedCount> byReceivingMx,
        List<NamedCount> bySendingIp, List<PolicyTypeCount> byPolicyType, List<AppliedPolicy> appliedPolicies) {

    /** Current against previous: differences, and the relative change of sessions (null when there were none before). */
    public record Change(long sessions, Double sessionsRelative, long failedSessions, double failureRatePoints) {
        static Change between(SessionTotals now, SessionTotals before) {
            return new Change(now.totalSessions() - before.totalSessions(),
                    before.totalSessions() == 0 ? null
                            : (double) (now.totalSessions() - before.totalSessions()) / before.totalSessions(),
                    now.failedSessions() - before.failedSessions(), (now.failureRate() - before.failureRate()) * 100);
        }
    }

    public record NamedCount(String name, long sessions) {}

    public record FailureTypeCount(String resultType, long failedSessions, FailureDescription description) {}

    /** @param organizationName the name in the sender's newest report in the period; the key when none was read */
    public record ReporterCount(String reporter, String organizationName, long reports, long successfulSessions,
            long failedSessions, double failureRate) {}

    public record PolicyTypeCount(String policyType, long successfulSessions, long failedSessions, double failureRate) {}

    /**
     * @param lastSeen      the start day of the newest report carrying this policy
     * @param variantsSeen  how many different policy strings this sender reported for the type in
     *                      the period (more than one: the sender's cache moved between versions)
     */
    public record AppliedPolicy(String reporter, String organizationName, String policyType, List<String> policyStrings,
            List<String> mxHosts, LocalDate lastSeen, int variantsSeen) {}
}
