package org.tlsrpthub.core.syntax;

import java.util.Optional;

/**
 * The domain named by a free-form contact value: a report's {@code contact-info} or a
 * {@code TLS-Report-Submitter} header (RFC 8460 §4.4, §5.3). Senders write it as an address,
 * a mailto: or https: URI, "Name &lt;address&gt;" or a bare domain; all are read here, and the
 * result goes through {@link DomainNames#toALabels}, so that every reporter identity in the hub
 * is one normalised name.
 */
public final class ContactDomain {
    private ContactDomain() {}

    /** The domain in {@code value}: after '@' of an address, the host of a URI, or the value itself; empty when none. */
    public static Optional<String> of(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim();
        if (v.regionMatches(true, 0, "mailto:", 0, 7)) v = v.substring(7);
        int scheme = v.indexOf("://");
        if (scheme >= 0) {
            v = v.substring(scheme + 3);
            int end = indexOfAny(v, "/?#:");
            if (end >= 0) v = v.substring(0, end);
        }
        int at = v.lastIndexOf('@');
        if (at >= 0) v = v.substring(at + 1);
        int end = indexOfAny(v, " >,;");
        if (end >= 0) v = v.substring(0, end);
        // A single label (a TLD, "localhost", a company name) names no reporter.
        if (v.indexOf('.') <= 0) return Optional.empty();
        return DomainNames.toALabels(v);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }
}
