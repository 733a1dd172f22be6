package org.tlsrpthub.core.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of the SHOULD-form Subject of RFC 8460 §5.3:
 * {@code Report Domain: <policy-domain> Submitter: <reporter-domain> Report-ID: <id>}.
 *
 * <p>The Report-ID is kept but never compared with the JSON: the RFC's own example (§5.3 against
 * Appendix B) and Google both put a Message-ID-like value there that differs from {@code report-id}.
 *
 * @param domain    the policy domain (lower-cased)
 * @param submitter the reporter's domain (lower-cased)
 * @param reportId  the Report-ID text, angle brackets kept; null when absent
 */
public record ReportSubject(String domain, String submitter, String reportId) {

    // Whitespace is flexible because real subjects are folded over several lines (RFC sample, Microsoft).
    // The Report-ID takes the rest greedily and is stripped afterwards: a lazy "(.*?)\s*" at the end
    // retries the trailing \s* at every length, quadratic in a hostile run of spaces.
    private static final Pattern SHAPE = Pattern.compile(
            "\\s*Report\\s+Domain:\\s*(\\S+)\\s+Submitter:\\s*(\\S+)(?:\\s+Report-ID:(.*))?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The fields of {@code subject}, or null when it does not have the §5.3 shape. */
    public static ReportSubject parse(CharSequence subject) {
        if (subject == null) return null;
        Matcher m = SHAPE.matcher(subject);
        if (!m.matches()) return null;
        String id = m.group(3);
        return new ReportSubject(
                m.group(1).toLowerCase(Locale.ROOT),
                m.group(2).toLowerCase(Locale.ROOT),
                id == null || id.isBlank() ? null : id.replaceAll("\\s+", " ").strip());
    }
}
