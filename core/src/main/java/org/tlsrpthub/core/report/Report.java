package org.tlsrpthub.core.report;

import java.util.List;
import java.util.Objects;

/**
 * One TLS-RPT aggregate report (RFC 8460 §4.4).
 *
 * @param organizationName the reporting organisation ({@code organization-name})
 * @param dateRange        the period the report covers ({@code date-range})
 * @param contactInfo      {@code contact-info}; null when the sender left it out or sent null (a warning is recorded)
 * @param reportId         {@code report-id}, unique per reporter in the reporter's own scheme
 * @param policies         one entry per policy applied ({@code policies}); never null
 */
public record Report(
        String organizationName,
        DateRange dateRange,
        String contactInfo,
        String reportId,
        List<PolicyResult> policies) {

    private static final java.util.regex.Pattern TRAILING_JUNK = java.util.regex.Pattern.compile("[>\\s]+$");

    public Report {
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(dateRange, "dateRange");
        Objects.requireNonNull(reportId, "reportId");
        policies = List.copyOf(policies);
    }

    /** Successful sessions over all policies. */
    public long totalSuccessfulSessions() {
        long sum = 0;
        for (PolicyResult p : policies) sum += p.summary().totalSuccessfulSessionCount();
        return sum;
    }

    /** Failed sessions over all policies, as the summaries say. */
    public long totalFailureSessions() {
        long sum = 0;
        for (PolicyResult p : policies) sum += p.summary().totalFailureSessionCount();
        return sum;
    }

    /**
     * The domain that identifies the reporter for deduplication: the domain of {@code contact-info}
     * when it is an address (or a bare domain), else the organisation name (lower-cased).
     */
    public String reporterKey() {
        if (contactInfo != null) {
            String c = contactInfo.trim();
            int at = c.lastIndexOf('@');
            String domain = at >= 0 ? c.substring(at + 1) : c;
            domain = TRAILING_JUNK.matcher(domain).replaceAll("").toLowerCase(java.util.Locale.ROOT);
            if (!domain.isEmpty() && domain.indexOf('.') > 0) return domain;
        }
        return organizationName.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
