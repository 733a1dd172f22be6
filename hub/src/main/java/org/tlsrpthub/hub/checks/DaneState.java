package org.tlsrpthub.hub.checks;

import java.util.List;
import java.util.stream.Collectors;

/**
 * DANE for the domain's MX hosts as a whole. Owned by the prober, which may add fields.
 *
 * @param status  "active" (every MX has authenticated TLSA that matches), "partial", "inactive"
 *                (no TLSA, or not DNSSEC-signed: a fact, not an error), "invalid" (some MX has TLSA that
 *                matches nothing, or its zone fails validation) or "not-checked"
 * @param summary plain words: "DANE inactive: not signed"
 */
public record DaneState(String status, String summary) {

    /**
     * The domain's DANE from its hosts' results: "not-checked" when no host has one (none probed),
     * else a host without one (no address) counts as inactive.
     */
    public static DaneState of(List<MxHost> hosts) {
        if (hosts.stream().allMatch(h -> h.dane() == null)) return new DaneState("not-checked", "DANE not checked");
        List<String> invalid = hostsWith(hosts, "invalid");
        if (!invalid.isEmpty()) return new DaneState("invalid", "DANE invalid on " + String.join(", ", invalid));
        List<String> active = hostsWith(hosts, "active");
        if (active.size() == hosts.size()) return new DaneState("active", "DANE active on every MX host");
        if (!active.isEmpty()) {
            return new DaneState("partial", "DANE active on " + String.join(", ", active) + " only");
        }
        boolean signed = hosts.stream().anyMatch(h -> h.dane() != null && h.dane().authenticated());
        return new DaneState("inactive", signed ? "DANE inactive: no usable TLSA records" : "DANE inactive: not signed");
    }

    private static List<String> hostsWith(List<MxHost> hosts, String status) {
        return hosts.stream().filter(h -> h.dane() != null && status.equals(h.dane().status())).map(MxHost::host)
                .collect(Collectors.toList());
    }
}
