package org.tlsrpthub.hub.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What kind of network an address belongs to, for deciding whether the hub may connect to it. Only
 * {@link #PUBLIC} addresses are reachable by default: a domain's DNS (or a hostile discovery
 * document, or a webhook URL) must not turn the hub into a client of its own network.
 */
public enum AddressKind {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private-network address"),
    LINK_LOCAL("a link-local address"),
    SHARED("a carrier-grade NAT address (100.64.0.0/10)"),
    MULTICAST("a multicast address"),
    UNSPECIFIED("an unspecified or reserved address");

    private final String words;

    AddressKind(String words) {
        this.words = words;
    }

    /** "a loopback address", for messages. */
    public String words() {
        return words;
    }

    public static AddressKind of(InetAddress a) {
        if (a.isLoopbackAddress()) return LOOPBACK;
        if (a.isAnyLocalAddress()) return UNSPECIFIED;
        if (a.isMulticastAddress()) return MULTICAST;
        if (a.isLinkLocalAddress()) return LINK_LOCAL;
        if (a.isSiteLocalAddress()) return PRIVATE;
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            if (first == 0 || first >= 240) return UNSPECIFIED;                // "this network", reserved, broadcast
            if (first == 100 && second >= 64 && second <= 127) return SHARED;  // RFC 6598
            if (first == 198 && (second == 18 || second == 19)) return PRIVATE; // benchmarking, RFC 2544
            return PUBLIC;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return PRIVATE; // unique local fc00::/7
            if (isMappedV4(b)) {
                try {
                    return of(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (java.net.UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return PUBLIC;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
