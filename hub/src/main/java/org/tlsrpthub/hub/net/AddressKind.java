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
            byte[] v4 = embeddedV4(b);
            if (v4 != null) {
                try {
                    return of(InetAddress.getByAddress(v4));
                } catch (java.net.UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return PUBLIC;
    }

    /**
     * The IPv4 address that an IPv6 address carries to an IPv4 host, or null: mapped ({@code ::ffff:0:0/96}),
     * compatible ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}, RFC 6052) and 6to4 ({@code 2002::/16}, RFC 3056).
     * A gateway on the way delivers to that IPv4 address, so it is judged instead: {@code 64:ff9b::10.0.0.1}
     * is a private target, not a public one.
     */
    private static byte[] embeddedV4(byte[] b) {
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) return java.util.Arrays.copyOfRange(b, 2, 6);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = nat64 ? 4 : 0; i < 10; i++) if (b[i] != 0) return null;
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean zero = b[10] == 0 && b[11] == 0;
        if (nat64 ? !zero : !(mapped || zero)) return null;
        return java.util.Arrays.copyOfRange(b, 12, 16);
    }
}
