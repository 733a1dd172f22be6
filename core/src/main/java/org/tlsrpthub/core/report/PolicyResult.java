package org.tlsrpthub.core.report;

import java.util.List;
import java.util.Objects;

/** One element of {@code policies} (RFC 8460 §4.4): the policy, its session summary and the failures. */
public record PolicyResult(Policy policy, Summary summary, List<FailureDetail> failureDetails) {

    public PolicyResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(summary, "summary");
        failureDetails = List.copyOf(failureDetails);
    }

    /** Sum of {@code failed-session-count} over the failure details (may differ from the summary, §4.4). */
    public long detailedFailureSessions() {
        long sum = 0;
        for (FailureDetail d : failureDetails) sum += d.failedSessionCount();
        return sum;
    }
}
