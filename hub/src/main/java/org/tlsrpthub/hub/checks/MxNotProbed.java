package org.tlsrpthub.hub.checks;

import java.net.InetAddress;
import java.util.List;

/**
 * The prober used until the STARTTLS and DANE prober is wired in: it reports each MX host with its
 * addresses as {@code "not-probed"} and finds nothing.
 */
public final class MxNotProbed implements MxProber {
    @Override
    public MxProbeResult probe(String host, int preference, List<InetAddress> addresses) {
        return new MxProbeResult(new MxHost(host, preference, addresses.stream().map(InetAddress::getHostAddress).toList(),
                "not-probed", null, null, null), List.of());
    }
}
