package org.tlsrpthub.hub.analysis;

import java.time.Instant;

/** One failure detail of a stored report, flattened for the export. */
public record FailureDetailRow(long reportId, String organizationName, String reporter, Instant rangeStart,
        String policyDomain, String policyType, String resultType, String sendingMtaIp, String receivingMxHostname,
        String receivingMxHelo, String receivingIp, long failedSessionCount, String failureReasonCode,
        String additionalInformation) {}
