package org.tlsrpthub.core.report;

import java.util.Objects;

/**
 * One element of {@code failure-details} (RFC 8460 §4.4). Fields other than the result type and
 * the count are null when the sender left them out (real senders do; each omission is a warning).
 *
 * @param resultType            {@code result-type}; open registry
 * @param sendingMtaIp          {@code sending-mta-ip}, kept as text even when it is not an IP address
 * @param receivingMxHostname   {@code receiving-mx-hostname}
 * @param receivingMxHelo       {@code receiving-mx-helo} (optional in the RFC)
 * @param receivingIp           {@code receiving-ip}
 * @param failedSessionCount    {@code failed-session-count}
 * @param additionalInformation {@code additional-information}: a URI in the RFC, kept as text and never fetched
 * @param failureReasonCode     {@code failure-reason-code}: free text
 */
public record FailureDetail(
        ResultType resultType,
        String sendingMtaIp,
        String receivingMxHostname,
        String receivingMxHelo,
        String receivingIp,
        long failedSessionCount,
        String additionalInformation,
        String failureReasonCode) {

    public FailureDetail {
        Objects.requireNonNull(resultType, "resultType");
        if (failedSessionCount < 0) throw new IllegalArgumentException("failedSessionCount must not be negative");
    }
}
