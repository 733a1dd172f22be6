package org.tlsrpthub.core.syntax;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/** Host name checks and the IDN → A-label conversion used by records, URIs and MX patterns. */
public final class DomainNames {

    /** RFC 1035 §2.3.4: 63 octets per label, 255 per name on the wire, so 253 as text without the root dot. */
    static final int MAX_LABEL = 63;
    static final int MAX_NAME = 253;

    private DomainNames() {
    }

    /**
     * The name in lower-case A-labels (RFC 5890) without a trailing dot, or empty if it is not a
     * valid host name. U-labels are converted with {@link IDN#toASCII(String)}, as TXT records and
     * MTA-STS policies must be ASCII.
     */
    public static Optional<String> toALabels(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty()) return Optional.empty();
        String ascii;
        try {
            ascii = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        return isHostName(ascii) ? Optional.of(ascii) : Optional.empty();
    }

    /**
     * The one form in which the hub stores, compares and looks up a domain: {@link #toALabels} of
     * the name without surrounding white space, so {@code Example.COM.}, {@code example.com} and
     * a U-label spelling are one domain. A name that is not a host name (an underscore label, a
     * space inside, an empty label) is returned as given apart from the white space: DNS would
     * not treat it as any host name, so it is kept recognisable and merged with nothing.
     */
    public static String normalise(String name) {
        String s = name.strip();
        return toALabels(s).orElse(s);
    }

    /**
     * True for an ASCII host name of letter-digit-hyphen labels (RFC 1123 §2.1, RFC 5321 §4.1.2
     * {@code Domain}): labels of 1–63 characters, no hyphen first or last, at most 253 characters.
     */
    public static boolean isHostName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) return false;
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int len = i - labelStart;
                if (len == 0 || len > MAX_LABEL) return false;
                if (name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') return false;
                labelStart = i + 1;
            } else {
                char c = name.charAt(i);
                if (!Chars.isAlphaNum(c) && c != '-') return false;
            }
        }
        return true;
    }
}
