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
}
