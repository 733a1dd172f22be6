package org.tlsrpthub.hub.dkim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.syntax.ContactDomain;

/**
 * Whether a valid signature speaks for the domain that claims to have sent the reports. RFC 8460 §3:
 * reports MUST be signed by the reporting domain. Every claimed domain (the TLS-Report-Submitter
 * header, RFC 8460 §5.3, and each report's contact-info domain) must equal a passing d= or be a
 * subdomain of it. s=tlsrpt is not required: real reporters do not set it.
 */
public final class SubmitterAlignment {
    private SubmitterAlignment() {}

    /** Null when aligned; otherwise why not, for the quarantine reason's detail. */
    public static String problem(DkimResult dkim, String submitterHeader, List<ParsedReport> reports) {
        Set<String> claimed = new LinkedHashSet<>();
        String submitter = domainOf(submitterHeader);
        if (submitter != null) claimed.add(submitter);
        for (ParsedReport pr : reports) {
            String contact = domainOf(pr.report().contactInfo());
            if (contact != null) claimed.add(contact);
        }
        if (dkim.verdict() != DkimResult.Verdict.PASS) {
            return "DKIM " + dkim.stored();
        }
        if (claimed.isEmpty()) {
            return "no submitter domain to check the signature against (no TLS-Report-Submitter, no contact-info domain)";
        }
        for (String c : claimed) {
            if (dkim.passingDomains().stream().noneMatch(d -> covers(d, c))) {
                return "signed by d=" + String.join(",", dkim.passingDomains()) + ", not by the submitter domain " + c;
            }
        }
        return null;
    }

    /** d covers c when c is d or a subdomain of d; d must have a dot, so a signature by a TLD covers nothing. */
    public static boolean covers(String d, String c) {
        if (d == null || d.indexOf('.') < 0) return false;
        return c.equals(d) || c.endsWith("." + d);
    }

    /** The domain in a submitter header or contact-info (core's one rule, {@link ContactDomain}); null when none. */
    static String domainOf(String value) {
        return ContactDomain.of(value).orElse(null);
    }
}
