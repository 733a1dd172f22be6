package org.tlsrpthub.hub.hosting;

import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.MxHost;

/**
 * Whether a policy's mx patterns fit the MX hosts the newest live check found: every MX host must
 * be matched by a pattern (or enforce refuses mail to it), and every pattern must match some MX
 * host (or it names a host that is not there: a typo, or a host not yet set up).
 *
 * @param mismatches one sentence per host or pattern that does not fit; empty when all fit
 * @param warning    why the patterns could not be checked; null when they were
 */
record MxAgreement(List<String> mismatches, String warning) {

    static MxAgreement of(String domain, MtaStsPolicy policy, DomainCheck newest) {
        if (policy.mx().isEmpty()) return new MxAgreement(List.of(), null);
        if (newest == null) {
            return new MxAgreement(List.of(), "No live check of " + domain + " is stored, so the mx patterns could not be checked against its"
                    + " MX records; run a check (\"Check now\", or checks run " + domain + ") and compare.");
        }
        List<String> hosts = newest.mx().stream().map(MxHost::host).toList();
        if (hosts.isEmpty()) {
            return new MxAgreement(List.of(), "The newest live check of " + domain + " (" + newest.checkedAt() + ") found no MX host, so the"
                    + " mx patterns could not be checked against MX records.");
        }
        List<String> out = new ArrayList<>();
        for (String h : hosts) {
            if (!policy.matches(h)) {
                out.add("MX host " + h + " matches no mx pattern: senders enforcing the policy would refuse to deliver to it");
            }
        }
        for (MxPattern p : policy.mx()) {
            if (hosts.stream().noneMatch(p::matches)) out.add("mx pattern " + p.pattern() + " matches no MX host of " + domain);
        }
        return new MxAgreement(out, null);
    }

    /** The refusal, naming every host and pattern that does not fit and the live check compared with. */
    String refusal(String domain, DomainCheck newest) {
        return "The mx patterns do not fit the MX records of " + domain + " seen by the live check of " + newest.checkedAt() + ": "
                + String.join("; ", mismatches) + ". Correct the patterns, or allow the mismatch (--allow-mx-mismatch) to host them anyway.";
    }
}
