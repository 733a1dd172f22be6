package org.tlsrpthub.core.report;

import java.util.List;
import java.util.Objects;
import org.tlsrpthub.core.syntax.ContactDomain;

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
     * The reporter as the report alone tells it: the domain of {@code contact-info} (see
     * {@link ContactDomain}), else the organisation name lower-cased. The organisation name is
     * anyone's to claim: the store keys reports by this only when no DKIM signature says better,
     * and never counts it as verified (hub's ReporterIdentity).
     */
    public String reporterKey() {
        return ContactDomain.of(contactInfo).orElseGet(() -> organizationName.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
