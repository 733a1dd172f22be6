package org.tlsrpthub.hub.checks.domain;

import java.net.InetAddress;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;

/** The finding for an address the outbound guard would not let the check connect to. */
final class Refusals {
    private Refusals() {}

    static Finding finding(InetAddress a, String host, String refusal) {
        return new Finding("target-refused", FindingSeverity.ERROR, a.getHostAddress(),
                host + " resolves to " + a.getHostAddress() + ", which the check did not connect to: " + refusal + ".",
                "Publish public addresses for " + host + " (senders on the internet cannot reach this one either); for a"
                        + " private deployment set " + CheckOptions.ALLOW_PRIVATE + ".");
    }
}
