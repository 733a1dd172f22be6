package org.tlsrpthub.hub.checks.probe;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Keeps the hub from hammering an MX: at most one SMTP session per address and port per
 * {@code interval}, and sessions with one address never at the same time. Within the interval a
 * probe gets the last session's observation instead of a new connection; the observation is then
 * judged for the host name that asked (names, DANE), so the many domains a provider's MX serves
 * cost it one session per round. One limiter is shared by every check the hub runs.
 */
public final class AddressRateLimiter {
    /** Once a minute per address: a scheduled round of many domains on one provider's MX costs it one session. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Duration interval;
    private final Clock clock;
    private final Map<InetSocketAddress, Slot> slots = new ConcurrentHashMap<>();

    public AddressRateLimiter(Duration interval, Clock clock) {
        if (interval.isNegative()) throw new IllegalArgumentException("the probe interval must not be negative: " + interval);
        this.interval = interval;
        this.clock = clock;
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        Instant at;
        Object result;
    }

    /** The last result for {@code target} while fresh, else {@code probe}'s, run while no other probe of it runs. */
    @SuppressWarnings("unchecked")
    <T> T run(InetSocketAddress target, Supplier<T> probe) throws InterruptedException {
        forgetStale();
        Slot slot;
        while (true) {
            slot = slots.computeIfAbsent(target, a -> new Slot());
            slot.lock.lockInterruptibly();
            if (slots.get(target) == slot) break;
            slot.lock.unlock(); // forgotten meanwhile: take the target's new slot
        }
        try {
            if (slot.at != null && fresh(slot.at)) return (T) slot.result;
            T result = probe.get();
            slot.at = clock.instant();
            slot.result = result;
            return result;
        } finally {
            slot.lock.unlock();
        }
    }

    private boolean fresh(Instant at) {
        return clock.instant().isBefore(at.plus(interval));
    }

    /** Drops targets not probed within the interval, so the map does not grow round after round. */
    private void forgetStale() {
        slots.entrySet().removeIf(e -> {
            Slot s = e.getValue();
            if (!s.lock.tryLock()) return false;
            try {
                return s.at != null && !fresh(s.at);
            } finally {
                s.lock.unlock();
            }
        });
    }
}
