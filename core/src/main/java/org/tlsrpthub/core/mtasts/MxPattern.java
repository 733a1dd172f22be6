package org.tlsrpthub.core.mtasts;

import java.util.Objects;
import java.util.Optional;

import org.tlsrpthub.core.syntax.DomainNames;

/**
 * An {@code mx} pattern of an MTA-STS policy (RFC 8461 §3.2, §4.1): a host name, or {@code *.}
 * followed by a domain, meaning any name with exactly one more label on the left.
 *
 * @param pattern lower-case A-labels, no trailing dot, {@code *.} only as the whole leftmost label
 */
public record MxPattern(String pattern) {

    public MxPattern {
        Objects.requireNonNull(pattern, "pattern");
        String domain = pattern.startsWith("*.") ? pattern.substring(2) : pattern;
        if (!DomainNames.isHostName(domain) || !domain.equals(domain.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("'" + pattern + "' is not a normalised mx pattern");
        }
    }

    /**
     * The pattern for text as an operator writes it, normalised: lower case, trailing dot removed,
     * U-labels converted to A-labels (RFC 8461 §4.1 compares names in that form).
     *
     * @throws IllegalArgumentException if it is not a host name, optionally after {@code *.}
     */
    public static MxPattern of(String text) {
        boolean wildcard = text.startsWith("*.");
        String domain = wildcard ? text.substring(2) : text;
        String ascii = DomainNames.toALabels(domain).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a host name" + (domain.contains("*") ? "; '*' is allowed only as the whole leftmost"
                + " label ('*.')" : "")));
        return new MxPattern(wildcard ? "*." + ascii : ascii);
    }

    public boolean isWildcard() {
        return pattern.startsWith("*.");
    }

    /**
     * Whether an MX host name matches (RFC 8461 §4.1): the MX name is lower-cased, its trailing dot
     * dropped and U-labels converted; a plain pattern matches only the identical name; {@code *.S}
     * matches a name of exactly one label followed by {@code .S}, so {@code *.example.com} matches
     * {@code mail.example.com} but neither {@code example.com} nor {@code a.b.example.com}.
     */
    public boolean matches(String mxHost) {
        Optional<String> host = normaliseHost(mxHost);
        if (host.isEmpty()) return false;
        String h = host.get();
        if (!isWildcard()) return h.equals(pattern);
        String suffix = pattern.substring(1); // ".example.com"
        if (!h.endsWith(suffix)) return false;
        String first = h.substring(0, h.length() - suffix.length());
        return !first.isEmpty() && first.indexOf('.') < 0;
    }

    /** An MX host name in the form compared by {@link #matches}, or empty if it is no host name. */
    public static Optional<String> normaliseHost(String mxHost) {
        return DomainNames.toALabels(mxHost);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
