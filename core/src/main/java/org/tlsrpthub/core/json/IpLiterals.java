package org.tlsrpthub.core.json;

/**
 * Recognises IPv4 and IPv6 address literals without ever touching DNS ({@code InetAddress.getByName}
 * would resolve anything that is not a literal, and report content must never cause a lookup).
 * Public for every other place that reads an address someone else wrote (X-Forwarded-For, settings).
 */
public final class IpLiterals {
    private IpLiterals() {}

    /** True for a dotted-quad IPv4 or an RFC 4291 IPv6 text form; a name such as {@code deadbeef.be} is not one. */
    public static boolean isIpAddress(String s) {
        return s.indexOf(':') >= 0 ? isIpv6(s) : isIpv4(s, 0, s.length());
    }

    static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int i = from;
        while (i <= to) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                if (value > 255) return false;
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3) return false;
            parts++;
            if (i == to) break;
            if (s.charAt(i) != '.' || parts == 4) return false;
            i++;
        }
        return parts == 4;
    }

    static boolean isIpv6(String s) {
        int end = s.indexOf('%'); // a zone id (fe80::1%eth0) is not part of the address
        if (end == 0) return false;
        if (end < 0) end = s.length();
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) return false;
        int groups = 0;
        int i = 0;
        if (doubleColon == 0) i = 2;
        while (i < end) {
            int start = i;
            while (i < end && isHex(s.charAt(i))) i++;
            int len = i - start;
            if (i < end && s.charAt(i) == '.') {
                // embedded IPv4 in the last 32 bits (::ffff:192.0.2.1)
                if (!isIpv4(s, start, end)) return false;
                groups += 2;
                i = end;
                break;
            }
            if (len == 0 || len > 4) return false;
            groups++;
            if (i == end) break;
            if (s.charAt(i) != ':') return false;
            if (i == doubleColon) {
                i += 2;
                if (i == end) break;
            } else {
                i++;
                if (i == end) return false; // a trailing single colon
            }
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
