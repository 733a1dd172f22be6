package org.tlsrpthub.hub.analysis;

import org.tlsrpthub.core.syntax.DomainNames;

/**
 * Which reports to list; null parts do not filter.
 *
 * @param domain      reports with a policy for this domain
 * @param sender      the reporter key (contact-info domain) exactly, or a part of the organisation name
 * @param period      reports whose range starts in the period
 * @param hasFailures true: only reports with failed sessions; false: only those without
 * @param page        0-based
 */
public record ReportFilter(String domain, String sender, Period period, Boolean hasFailures, int page, int size) {
    public static final int MAX_SIZE = 500;

    public ReportFilter {
        domain = blankToNull(domain);
        if (domain != null) domain = DomainNames.normalise(domain);
        sender = blankToNull(sender);
        if (sender != null) sender = sender.trim().toLowerCase(java.util.Locale.ROOT);
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
