package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.testsupport.RecordingResolverProvider;

class ClientAddressTest {
    private final ClientAddress proxied = new ClientAddress(List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.1"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertThat(new ClientAddress(List.of()).resolve("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(proxied.resolve("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void theRightmostUntrustedHopIsTheClient() {
        // A client may write anything at the left; only the hops our proxies appended count.
        assertThat(proxied.resolve("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
        assertThat(proxied.resolve("192.0.2.1", "2001:db8::7, 198.51.100.2")).isEqualTo("198.51.100.2");
        assertThat(proxied.resolve("2001:db8::1", "198.51.100.3")).isEqualTo("198.51.100.3");
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() {
        assertThat(proxied.resolve("10.1.2.3", "198.51.100.1, evil.example")).isEqualTo("10.1.2.3");
    }

    @Test
    void namesThatLookLikeHexAreNeverResolved() throws Exception {
        // The recorder sees lookups: prove it with a name we do look up ourselves.
        try {
            java.net.InetAddress.getByName("recorder-check.invalid");
        } catch (java.net.UnknownHostException expected) {
            // .invalid never resolves; only the attempt matters
        }
        assertThat(RecordingResolverProvider.lookedUp("recorder-check.invalid")).isTrue();

        // Every character is a hex digit or a dot: once taken for an "IP literal" and sent to DNS.
        assertThat(proxied.resolve("10.1.2.3", "198.51.100.1, deadbeef.be")).isEqualTo("10.1.2.3");
        assertThat(proxied.resolve("10.1.2.3", "cafe.de")).isEqualTo("10.1.2.3");
        assertThat(proxied.resolve("10.1.2.3", "fe80::1%eth0")).isEqualTo("10.1.2.3");
        assertThatThrownBy(() -> new ClientAddress(List.of("add.be"))).hasMessageContaining("add.be");
        assertThat(RecordingResolverProvider.lookedUp("deadbeef.be")).isFalse();
        assertThat(RecordingResolverProvider.lookedUp("cafe.de")).isFalse();
        assertThat(RecordingResolverProvider.lookedUp("add.be")).isFalse();
    }

    @Test
    void aBadProxyEntryIsRefusedAtStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example"))).hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/x"))).hasMessageContaining("prefix");
    }

    @Test
    void theRateLimiterRefillsOverTime() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(60, 2, now::get); // one a second, bursts of two
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).as("per source").isTrue();
        assertThat(limiter.secondsUntilToken("a")).isEqualTo(1);
        now.addAndGet(1_000_000_000L);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }
}
