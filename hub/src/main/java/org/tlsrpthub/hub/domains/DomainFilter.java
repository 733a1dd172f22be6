package org.tlsrpthub.hub.domains;

import java.util.Locale;
import java.util.Set;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * The served domains and the setting for the others, as read at one moment. With no served
 * domain configured every report is accepted: a new installation works without setup.
 */
public record DomainFilter(Set<String> served, OtherDomains others) {

    public DomainFilter {
        served = Set.copyOf(served);
    }

    /** What to do with {@code report}: STORE when it is about a served domain (or none is configured). */
    public OtherDomains decide(Report report) {
        if (served.isEmpty() || isServed(report)) return OtherDomains.STORE;
        return others;
    }

    private boolean isServed(Report report) {
        for (PolicyResult p : report.policies()) {
            String d = p.policy().domain();
            if (d != null && served.contains(normalise(d))) return true;
        }
        return false;
    }

    /** Lower case, without a trailing dot: the form in which domains are stored and compared. */
    public static String normalise(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
