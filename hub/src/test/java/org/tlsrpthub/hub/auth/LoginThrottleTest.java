package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void blocksAnAddressAfterTenFailuresUntilTheWindowPasses() {
        AtomicLong now = new AtomicLong(1_000);
        LoginThrottle t = new LoginThrottle(now::get);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(t.waitSeconds("192.0.2.1")).isZero();
            t.failed("192.0.2.1");
        }
        assertThat(t.waitSeconds("192.0.2.1")).isEqualTo(900);
        assertThat(t.waitSeconds("192.0.2.2")).as("other addresses").isZero();
        now.addAndGet(LoginThrottle.WINDOW_NANOS + 1);
        assertThat(t.waitSeconds("192.0.2.1")).isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        LoginThrottle t = new LoginThrottle(() -> 0L);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) t.failed("a");
        t.succeeded("a");
        assertThat(t.waitSeconds("a")).isZero();
    }

    @Test
    void aFloodFromManyAddressesNeitherGrowsTheTableNorFreesABlockedAddress() {
        AtomicLong now = new AtomicLong(1_000);
        LoginThrottle t = new LoginThrottle(now::get, 50);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) t.failed("192.0.2.1");
        assertThat(t.waitSeconds("192.0.2.1")).isPositive();

        for (int i = 0; i < 10_000; i++) t.failed("198.51.100." + i);
        assertThat(t.tracked()).as("bounded").isLessThanOrEqualTo(51);
        assertThat(t.waitSeconds("192.0.2.1")).as("the guesser stays blocked").isPositive();
        // the addresses that did not fit share one window, so the flood is throttled as one guesser
        assertThat(t.waitSeconds("203.0.113.9")).isPositive();

        // once the windows pass, the table makes room again
        now.addAndGet(LoginThrottle.WINDOW_NANOS + 1);
        assertThat(t.waitSeconds("192.0.2.1")).isZero();
        t.failed("203.0.113.9");
        assertThat(t.tracked()).isEqualTo(1);
        assertThat(t.waitSeconds("203.0.113.9")).isZero();
    }
}
