package org.tlsrpthub.hub.domains;

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
            // the parser stored d in its one form (DomainNames.normalise), as served domains are
            if (d != null && served.contains(d)) return true;
        }
        return false;
    }
}
