package org.tlsrpthub.core.taxonomy;

/**
 * How bad a failure type is for mail delivery, in decreasing order. A result type only tells what
 * failed, not the policy mode the sender applied, so the severity describes the impact on senders
 * that enforce (MTA-STS mode {@code enforce}, or DANE): every session counted in a report failed
 * validation, and for those senders that means the mail was not delivered to that MX.
 *
 * <ul>
 *   <li>{@link #CRITICAL}: nobody can protect the mail. The MX offers no STARTTLS at all, so
 *       enforcing senders do not deliver and every other sender delivers in plain text.
 *       ({@code starttls-not-supported})</li>
 *   <li>{@link #HIGH}: enforcing senders do not deliver to the MX (they defer, then bounce);
 *       other senders still deliver, encrypted but unauthenticated. (certificate and DANE failures,
 *       and the catch-all {@code validation-failure}, which senders also use when an MX is not
 *       listed in the MTA-STS policy.)</li>
 *   <li>{@link #MEDIUM}: mail keeps flowing, but protection is lost or at risk: the MTA-STS policy
 *       cannot be obtained, so senders fall back to a cached policy or to none at all
 *       (RFC 8461 §3.3, §5). Also used for unregistered result types, whose impact is unknown.</li>
 * </ul>
 *
 * There is deliberately no "low" level: no registered result type is harmless.
 */
public enum FailureSeverity {
    CRITICAL,
    HIGH,
    MEDIUM
}
