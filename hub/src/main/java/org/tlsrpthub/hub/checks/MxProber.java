package org.tlsrpthub.hub.checks;

import java.net.InetAddress;
import java.util.List;

/**
 * Probes one MX host: a STARTTLS session to each of its addresses (no mail sent) and its DANE TLSA
 * records. The domain check resolves the MX records and addresses; the prober owns everything from
 * the TCP connection on.
 */
@FunctionalInterface
public interface MxProber {
    MxProbeResult probe(String host, int preference, List<InetAddress> addresses);
}
