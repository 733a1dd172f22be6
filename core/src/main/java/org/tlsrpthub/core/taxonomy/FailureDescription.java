package org.tlsrpthub.core.taxonomy;

import java.util.List;
import java.util.Objects;
import org.tlsrpthub.core.report.ResultType;

/**
 * What a {@code result-type} means for a mail operator and what to do about it. Text is plain
 * (no markup); callers that render HTML must escape it, as the description of an unregistered
 * type quotes the sender's value.
 *
 * @param resultType  the described value, verbatim
 * @param category    what part of the receiving side the failure points at
 * @param severity    impact on delivery (see {@link FailureSeverity})
 * @param title       a short title, such as "Certificate expired"
 * @param explanation two to four sentences: what happened and what it means for delivery
 * @param steps       what to check and how, in a sensible order; never empty
 */
public record FailureDescription(
        ResultType resultType,
        FailureCategory category,
        FailureSeverity severity,
        String title,
        String explanation,
        List<RemediationStep> steps) {

    public FailureDescription {
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("steps must not be empty");
    }

    /** True when the result type is not a registered value and the description is the generic one. */
    public boolean isUnknown() {
        return !resultType.isRegistered();
    }
}
