package org.tlsrpthub.hub.analysis;

import java.time.Instant;
import java.util.List;

/**
 * One stored report with everything known about it.
 *
 * @param canonicalJson the report as the hub's writer renders it (RFC 8460 field names, pretty-printed);
 *                      the original bytes are at the raw download
 * @param provenance    how the first copy arrived; its raw fields are null when retention removed the raw input,
 *                      or when the report also covers other organisations' domains (their bytes are not shown)
 * @param sightings     later arrivals of the same report (duplicates)
 * @param dkimVerified  whether a valid DKIM signature's d= covers the reporter
 * @param contenders    inputs holding a report with this one's reporter, report-id and date range but other
 *                      content: held for review, or displaced by this one (quarantine kind CONFLICT)
 */
public record ReportDetail(long id, String reporter, String organizationName, String contactInfo, String reportId,
        Instant rangeStart, Instant rangeEnd, long successfulSessions, long failedSessions, Instant storedAt,
        List<StoredPolicy> policies, List<StoredWarning> warnings, Provenance provenance, List<Sighting> sightings,
        boolean dkimVerified, List<Contender> contenders, String canonicalJson) {

    public record StoredPolicy(String policyType, String policyDomain, List<String> policyStrings, List<String> mxHosts,
            long successfulSessions, long failedSessions, List<StoredFailure> failureDetails) {}

    /** @param title the taxonomy's title of the result type; @param hint the taxonomy's reading of the failure-reason-code, or null */
    public record StoredFailure(String resultType, String title, String sendingMtaIp, String receivingMxHostname,
            String receivingMxHelo, String receivingIp, long failedSessionCount, String additionalInformation,
            String failureReasonCode, String hint) {}

    public record StoredWarning(String code, String location, String message) {}

    /** @param duplicatesSeen how many later arrivals of the same report were recorded */
    public record Provenance(Long rawInputId, String channel, Instant receivedAt, String remoteAddressOrOrigin,
            String messageId, String dkimResult, Long sizeBytes, String sha256, int duplicatesSeen) {}

    public record Sighting(String channel, Instant receivedAt, String origin, String messageId) {}

    /**
     * @param displaced    true when this content counted until this report, DKIM-verified, took its place
     * @param inQuarantine whether the input still waits in quarantine (its review page); false once released or expired
     * @param channel      null (and the other fields too) when retention removed the input
     */
    public record Contender(long rawInputId, boolean displaced, boolean inQuarantine, String channel, Instant receivedAt,
            String origin, String dkimResult) {}
}
