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
    /** @param dnssec whether the MX and address answers that led here were authenticated: DANE applies only then */
    MxProbeResult probe(String host, int preference, List<InetAddress> addresses, MxDnssec dnssec);
}
