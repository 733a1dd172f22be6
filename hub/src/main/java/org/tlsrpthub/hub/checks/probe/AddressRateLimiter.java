package org.tlsrpthub.hub.checks.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Keeps the hub from hammering an MX: at most one probe of an address per {@code interval}, and
 * probes of one address never run at the same time. Many domains often share one MX host (a
 * hosting provider's): within the interval a second probe of the same address with the same
 * session key (host name and port) gets the first one's observation instead of a new connection;
 * a probe with another key waits until the interval has passed. One limiter is shared by every
 * check the hub runs (CLI, button, API, scheduled rounds).
 */
public final class AddressRateLimiter {
    /** Once a minute per address: a scheduled round of many domains on one provider's MX costs it one session. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);

    private final Duration interval;
    private final Clock clock;
    private final Map<InetAddress, Slot> slots = new ConcurrentHashMap<>();

    public AddressRateLimiter(Duration interval, Clock clock) {
        if (interval.isNegative()) throw new IllegalArgumentException("the probe interval must not be negative: " + interval);
        this.interval = interval;
        this.clock = clock;
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        Instant last;
        final Map<String, Seen> seen = new HashMap<>();
    }

    private record Seen(Instant at, Object result) {}

    /** Runs {@code probe} for {@code address} unless a result for {@code key} is fresh, waiting for the address's turn. */
    @SuppressWarnings("unchecked")
    <T> T run(InetAddress address, String key, Supplier<T> probe) throws InterruptedException {
        forgetStale();
        Slot slot;
        while (true) {
            slot = slots.computeIfAbsent(address, a -> new Slot());
            slot.lock.lockInterruptibly();
            if (slots.get(address) == slot) break;
            slot.lock.unlock(); // forgotten meanwhile: take the address's new slot
        }
        try {
            Seen seen = slot.seen.get(key);
            if (seen != null && fresh(seen.at())) return (T) seen.result();
            while (slot.last != null && fresh(slot.last)) {
                Duration left = Duration.between(clock.instant(), slot.last.plus(interval));
                Thread.sleep(Math.max(1, Math.min(left.toMillis(), WAIT_STEP.toMillis())));
            }
            T result = probe.get();
            slot.last = clock.instant();
            slot.seen.entrySet().removeIf(e -> !fresh(e.getValue().at()));
            slot.seen.put(key, new Seen(slot.last, result));
            return result;
        } finally {
            slot.lock.unlock();
        }
    }

    private boolean fresh(Instant at) {
        return clock.instant().isBefore(at.plus(interval));
    }

    /** Drops addresses not probed within the interval, so the map does not grow round after round. */
    private void forgetStale() {
        slots.entrySet().removeIf(e -> {
            Slot s = e.getValue();
            if (!s.lock.tryLock()) return false;
            try {
                return s.last != null && !fresh(s.last);
            } finally {
                s.lock.unlock();
            }
        });
    }
}
