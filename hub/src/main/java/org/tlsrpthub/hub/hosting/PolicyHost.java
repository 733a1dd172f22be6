package org.tlsrpthub.hub.hosting;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The policy domain a request for {@code /.well-known/mta-sts.txt} asks about, from its Host header
 * (RFC 8461 §3.3: senders fetch {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt}). Letter case,
 * a port and one trailing dot are tolerated; anything that is not {@code mta-sts.} and a host name is
 * no policy domain.
 */
public final class PolicyHost {
    public static final String PREFIX = "mta-sts.";
    private static final Pattern LABELS = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)+");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private PolicyHost() {}

    /** The DOMAIN of {@code mta-sts.DOMAIN[.][:port]}, lower case; empty for any other Host, or none. */
    public static Optional<String> domainOf(String host) {
        if (host == null) return Optional.empty();
        String h = host.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon >= 0) {
            if (!PORT.matcher(h.substring(colon + 1)).matches()) return Optional.empty(); // also IPv6 literals
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (!h.startsWith(PREFIX) || h.length() > 253) return Optional.empty();
        String domain = h.substring(PREFIX.length());
        return LABELS.matcher(domain).matches() ? Optional.of(domain) : Optional.empty();
    }
}
