package org.tlsrpthub.core.report;

/** The {@code summary} of a policy result (RFC 8460 §4.4). Counts are never negative. */
public record Summary(long totalSuccessfulSessionCount, long totalFailureSessionCount) {

    public Summary {
        if (totalSuccessfulSessionCount < 0 || totalFailureSessionCount < 0) {
            throw new IllegalArgumentException("session counts must not be negative");
        }
    }

    public long totalSessions() {
        return totalSuccessfulSessionCount + totalFailureSessionCount;
    }
}
