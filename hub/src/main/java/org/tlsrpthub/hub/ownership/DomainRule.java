package org.tlsrpthub.hub.ownership;

import java.time.Instant;
import org.tlsrpthub.core.syntax.DomainNames;

/**
 * Puts a newly seen domain into an organisation. {@code pattern} is one domain
 * ({@code example.com}), its subdomains ({@code *.example.com}, not the domain itself) or every
 * domain ({@code *}).
 */
public record DomainRule(String pattern, String org, Instant createdAt) {
    public static final String EVERY_DOMAIN = "*";
    static final String SUBDOMAINS = "*.";

    /** The pattern in its one form (domains as DomainNames.normalise stores them); bad input is named. */
    public static String normalisePattern(String pattern) {
        String p = pattern == null ? "" : pattern.strip();
        if (p.equals(EVERY_DOMAIN)) return p;
        boolean suffix = p.startsWith(SUBDOMAINS);
        String name = suffix ? p.substring(SUBDOMAINS.length()) : p;
        String domain = DomainNames.toALabels(name).orElseThrow(() -> OwnershipException.bad("rule pattern '" + pattern
                + "' is not a domain (example.com), its subdomains (*.example.com) or every domain (*)"));
        return suffix ? SUBDOMAINS + domain : domain;
    }
}
