package org.tlsrpthub.hub.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which addresses the outbound guard lets the live checks (and webhooks) connect to, by kind: only
 * public ones by default; loopback, private, link-local and CGNAT ones with the opt-in; multicast
 * and unspecified ones never. Nothing here connects anywhere: the guard judges addresses.
 */
class OutboundGuardTest {
    private static final OutboundGuard STRICT = OutboundGuard.publicOnly("--allow-private");
    private static final OutboundGuard ALLOW_PRIVATE = new OutboundGuard(true, "--allow-private");

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: no DNS question is asked
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK",
            "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.254, PRIVATE", "192.168.1.1, PRIVATE", "198.18.0.1, PRIVATE",
            "fd00::1, PRIVATE", "fc00::7, PRIVATE", "fec0::1, PRIVATE",
            "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL",
            "100.64.0.1, SHARED", "100.127.255.254, SHARED",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST",
            "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "240.0.0.1, UNSPECIFIED", "255.255.255.255, UNSPECIFIED",
            // IPv6 addresses that a gateway delivers to an IPv4 address are judged by that address
            "::ffff:10.0.0.1, PRIVATE", "::10.0.0.1, PRIVATE", "64:ff9b::7f00:1, LOOPBACK", "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "2002:a00:1::1, PRIVATE", "2002:6440:1::1, SHARED",
            "192.0.2.10, PUBLIC", "100.63.255.255, PUBLIC", "100.128.0.1, PUBLIC", "172.32.0.1, PUBLIC", "2001:db8::1, PUBLIC",
            "64:ff9b::c000:20a, PUBLIC", "2002:c000:20a::1, PUBLIC"})
    void eachAddressIsOfItsKind(String address, AddressKind kind) throws Exception {
        assertThat(AddressKind.of(ip(address))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.0.1, a loopback address", "::1, a loopback address", "10.1.2.3, a private-network address",
            "fd00::1, a private-network address", "169.254.169.254, a link-local address", "fe80::1, a link-local address",
            "100.64.0.1, a carrier-grade NAT address", "64:ff9b::a00:1, a private-network address"})
    void internalAddressesAreRefusedUnlessPrivateTargetsAreAllowed(String address, String words) throws Exception {
        assertThat(STRICT.refusal(ip(address))).startsWith(ip(address).getHostAddress() + " is " + words)
                .endsWith("(allowed only with --allow-private)");
        assertThat(STRICT.allows(ip(address))).isFalse();
        assertThat(ALLOW_PRIVATE.refusal(ip(address))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"224.0.0.1, a multicast address", "ff02::1, a multicast address", "0.0.0.0, an unspecified or reserved address",
            "::, an unspecified or reserved address", "255.255.255.255, an unspecified or reserved address"})
    void multicastAndUnspecifiedAddressesAreNeverServers(String address, String words) throws Exception {
        for (OutboundGuard guard : new OutboundGuard[] {STRICT, ALLOW_PRIVATE}) {
            assertThat(guard.refusal(ip(address))).isEqualTo(ip(address).getHostAddress() + " is " + words + ", never a server");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"192.0.2.10", "2001:db8::1", "8.8.8.8"})
    void publicAddressesAreAllowedEitherWay(String address) throws Exception {
        assertThat(STRICT.refusal(ip(address))).isNull();
        assertThat(ALLOW_PRIVATE.refusal(ip(address))).isNull();
    }
}
