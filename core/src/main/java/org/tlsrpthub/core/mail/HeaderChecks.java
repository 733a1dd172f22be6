package org.tlsrpthub.core.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;
import org.tlsrpthub.core.syntax.Chars;
import org.tlsrpthub.core.syntax.DomainNames;

/**
 * Compares what the email says about a report (TLS-Report headers, Subject, attachment name) with the
 * report's JSON. Disagreements are warnings only: the JSON wins (RFC 8460 §5.6).
 */
final class HeaderChecks {

    // A filename end of 23:59:59 and a JSON end of next-day 00:00:00Z describe the same day.
    private static final Duration END_SLACK = Duration.ofSeconds(1);

    private HeaderChecks() {}

    static List<Warning> check(Report report, EmailMetadata headers, ReportFilename name, String partName) {
        List<Warning> out = new ArrayList<>();
        Set<String> domains = policyDomains(report);
        String reporter = contactDomain(report.contactInfo());

        // RFC 8460 §5.3: both headers MUST be present; Submitter is the contact-info domain.
        if (headers.reportDomain() == null) {
            out.add(new Warning(WarningCode.MISSING_REPORT_HEADER, "header TLS-Report-Domain",
                    "the message has no TLS-Report-Domain header (RFC 8460 §5.3)"));
        } else if (!domains.isEmpty() && !domains.contains(normal(headers.reportDomain()))) {
            out.add(new Warning(WarningCode.HEADER_DOMAIN_MISMATCH, "header TLS-Report-Domain",
                    "TLS-Report-Domain \"" + headers.reportDomain() + "\" is not a policy-domain of the report "
                            + domains));
        }
        if (headers.reportSubmitter() == null) {
            out.add(new Warning(WarningCode.MISSING_REPORT_HEADER, "header TLS-Report-Submitter",
                    "the message has no TLS-Report-Submitter header (RFC 8460 §5.3)"));
        } else if (reporter != null && !reporter.equals(normal(headers.reportSubmitter()))) {
            out.add(new Warning(WarningCode.HEADER_SUBMITTER_MISMATCH, "header TLS-Report-Submitter",
                    "TLS-Report-Submitter \"" + headers.reportSubmitter()
                            + "\" differs from the contact-info domain \"" + reporter + "\""));
        }

        // The Subject format is only a SHOULD (§5.3): compare it when it has that shape.
        ReportSubject subject = headers.subjectFields();
        if (subject != null) {
            List<String> diffs = new ArrayList<>();
            if (!domains.isEmpty() && !domains.contains(normal(subject.domain()))) {
                diffs.add("Report Domain \"" + subject.domain() + "\" is not a policy-domain " + domains);
            }
            if (reporter != null && !reporter.equals(normal(subject.submitter()))) {
                diffs.add("Submitter \"" + subject.submitter() + "\" is not the contact-info domain \""
                        + reporter + "\"");
            }
            if (!diffs.isEmpty()) {
                out.add(new Warning(WarningCode.SUBJECT_MISMATCH, "header Subject", String.join("; ", diffs)));
            }
        }

        // RFC 8460 §5.1 attachment name.
        if (name != null) {
            List<String> diffs = new ArrayList<>();
            if (reporter != null && !reporter.equals(normal(name.sender()))) {
                diffs.add("sender \"" + name.sender() + "\" is not the contact-info domain \"" + reporter + "\"");
            }
            if (!domains.isEmpty() && !domains.contains(normal(name.policyDomain()))) {
                diffs.add("policy domain \"" + name.policyDomain() + "\" is not a policy-domain " + domains);
            }
            if (!name.begin().equals(report.dateRange().start())) {
                diffs.add("begin " + name.begin().getEpochSecond() + " (" + name.begin()
                        + ") is not the start-datetime " + report.dateRange().start());
            }
            if (!close(name.end(), report.dateRange().end())) {
                diffs.add("end " + name.end().getEpochSecond() + " (" + name.end()
                        + ") is not the end-datetime " + report.dateRange().end());
            }
            if (!diffs.isEmpty()) {
                out.add(new Warning(WarningCode.FILENAME_MISMATCH, partName + " filename",
                        String.join("; ", diffs)));
            }
        }
        return out;
    }

    private static boolean close(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(END_SLACK) <= 0;
    }

    private static Set<String> policyDomains(Report report) {
        Set<String> out = new LinkedHashSet<>();
        for (PolicyResult p : report.policies()) {
            String d = p.policy().domain();
            if (d != null && !d.isBlank()) out.add(normal(d));
        }
        return out;
    }

    /** The domain of {@code contact-info} (an addr-spec, §4.4), or null when there is none to compare. */
    static String contactDomain(String contactInfo) {
        if (contactInfo == null) return null;
        String c = contactInfo.strip();
        int at = c.lastIndexOf('@');
        if (at < 0) return null;
        String d = normal(Chars.withoutTrailingSpaceOrAngle(c.substring(at + 1)));
        return d.isEmpty() ? null : d;
    }

    private static String normal(String domain) {
        return DomainNames.normalise(domain);
    }
}
