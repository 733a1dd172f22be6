package org.tlsrpthub.core.report;

import java.util.List;
import java.util.Objects;

/**
 * The {@code policy} object of a policy result (RFC 8460 §4.4, §4.5).
 *
 * @param type          {@code policy-type}; an open registry, unknown values kept verbatim
 * @param policyStrings {@code policy-string}: the policy as the sender saw it, one element per STS line
 *                      or per TLSA record; empty when absent
 * @param domain        {@code policy-domain}; null when the sender left it out (a warning is recorded)
 * @param mxHosts       {@code mx-host}: the MX patterns of an STS policy; empty when absent
 */
public record Policy(PolicyType type, List<String> policyStrings, String domain, List<String> mxHosts) {

    public Policy {
        Objects.requireNonNull(type, "type");
        policyStrings = List.copyOf(policyStrings);
        mxHosts = List.copyOf(mxHosts);
    }
}
