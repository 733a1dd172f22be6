package org.tlsrpthub.hub.checks;

import java.util.List;
import java.util.Objects;

/** The domain's DANE state from its MX hosts' ({@link MxHost#dane()}), as {@code "dane"} in a check. */
public final class DaneSummary {
    private DaneSummary() {}

    public static DaneState of(List<MxHost> hosts) {
        List<MxHost.DaneHost> dane = hosts.stream().map(MxHost::dane).filter(Objects::nonNull).toList();
        if (dane.isEmpty()) return new DaneState("not-checked", "DANE not checked");
        long active = dane.stream().filter(d -> d.status().equals("active")).count();
        long invalid = dane.stream().filter(d -> d.status().equals("invalid")).count();
        if (active == hosts.size()) return new DaneState("active", "DANE active on every MX");
        if (invalid > 0 && active == 0) return new DaneState("invalid", "DANE invalid on " + invalid + " of " + hosts.size() + " MX hosts");
        if (active > 0) return new DaneState("partial", "DANE active on " + active + " of " + hosts.size() + " MX hosts");
        boolean signed = dane.stream().anyMatch(MxHost.DaneHost::authenticated);
        return new DaneState("inactive", signed ? "DANE inactive: no TLSA records" : "DANE inactive: not signed");
    }
}
