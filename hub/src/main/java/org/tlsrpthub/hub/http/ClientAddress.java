package org.tlsrpthub.hub.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.core.json.IpLiterals;

/**
 * The sender's address. Behind a reverse proxy the peer is the proxy, and the real client is in
 * X-Forwarded-For; that header is believed only from configured proxies, since any client can
 * write it. The list is read from the right (the hop nearest to us), skipping trusted proxies:
 * the first untrusted address is the client.
 */
final class ClientAddress {
    private final List<Cidr> trusted;

    ClientAddress(List<String> trustedProxies) {
        List<Cidr> t = new ArrayList<>();
        for (String s : trustedProxies) t.add(Cidr.parse(s));
        this.trusted = List.copyOf(t);
    }

    String resolve(String peer, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) return peer;
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (Cidr.literal(hop) == null) break; // garbage or a name: stop at the last address we can vouch for
            client = hop;
            if (!isTrusted(hop)) break;
        }
        return client;
    }

    private boolean isTrusted(String address) {
        for (Cidr c : trusted) {
            if (c.contains(address)) return true;
        }
        return false;
    }

    /** An address block such as 10.0.0.0/8 or ::1 (a single address is a full-length prefix). */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String s = text.trim();
            int slash = s.indexOf('/');
            byte[] addr = literal(slash < 0 ? s : s.substring(0, slash));
            if (addr == null) throw new IllegalArgumentException("http.trusted-proxies: not an IP address or CIDR: " + text);
            int prefix;
            try {
                prefix = slash < 0 ? addr.length * 8 : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > addr.length * 8) {
                throw new IllegalArgumentException("http.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(addr, prefix);
        }

        boolean contains(String address) {
            byte[] a = literal(address);
            if (a == null || a.length != network.length) return false;
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
            }
            return true;
        }

        /**
         * The bytes of an IP literal; null when it is not one. A client wrote the value, so it must
         * never reach DNS: only what {@link IpLiterals} accepts (no zone id, which would make the
         * JDK look for a network interface) is handed to {@code getByName}, which parses a literal.
         */
        static byte[] literal(String s) {
            String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
            if (t.isEmpty() || t.indexOf('%') >= 0 || !IpLiterals.isIpAddress(t)) return null;
            try {
                return InetAddress.getByName(t).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
