package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aFloodFromMoreAddressesThanItTracksKeepsItsMemoryBounded() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(1, 5, now::get); // slow refill: every bucket stays partly used
        int peak = 0;
        for (int i = 0; i < RateLimiter.MAX_TRACKED * 3; i++) {
            now.addAndGet(1_000); // a microsecond apart
            assertThat(limiter.tryAcquire("198.51.100." + i)).isTrue();
            peak = Math.max(peak, limiter.tracked());
        }
        assertThat(peak).isLessThanOrEqualTo(RateLimiter.MAX_TRACKED + 1);
        // a source that is refused stays refused while its bucket is tracked
        for (int i = 0; i < 5; i++) limiter.tryAcquire("192.0.2.1");
        assertThat(limiter.tryAcquire("192.0.2.1")).isFalse();
    }
}
