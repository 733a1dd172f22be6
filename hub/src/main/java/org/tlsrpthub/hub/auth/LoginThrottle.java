package org.tlsrpthub.hub.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed sign-ins per client address: after {@link #MAX_FAILURES} within {@link #WINDOW_NANOS} the
 * address must wait for the window to pass. The slow hash limits one guesser to a few tries a second;
 * this limits a patient one to a handful per quarter hour.
 *
 * <p>Memory is bounded: at most {@link #MAX_TRACKED} addresses are tracked. When the table is full of
 * live windows (a flood from many addresses), the addresses that do not fit share one window, so
 * the flood is throttled as one guesser; nobody's count is ever forgotten early.
 */
final class LoginThrottle {
    static final int MAX_TRACKED = 100_000;
    static final int MAX_FAILURES = 10;
    static final long WINDOW_NANOS = 15L * 60 * 1_000_000_000;
    private static final String OVERFLOW = "";

    private record Window(long start, int failures) {
        boolean expired(long now) {
            return now - start > WINDOW_NANOS;
        }
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final int maxTracked;
    private long lastSweep;

    LoginThrottle(LongSupplier nanoTime) {
        this(nanoTime, MAX_TRACKED);
    }

    LoginThrottle(LongSupplier nanoTime, int maxTracked) {
        this.nanoTime = nanoTime;
        this.maxTracked = maxTracked;
        this.lastSweep = nanoTime.getAsLong();
    }

    /** Seconds the client must still wait; 0 when it may try. */
    long waitSeconds(String client) {
        Window w = windows.get(key(client));
        if (w == null || w.failures() < MAX_FAILURES) return 0;
        long left = w.start() + WINDOW_NANOS - nanoTime.getAsLong();
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000_000);
    }

    void failed(String client) {
        long now = nanoTime.getAsLong();
        String key = key(client);
        if (OVERFLOW.equals(key) && sweep(now)) key = key(client);
        windows.compute(key, (k, w) -> w == null || w.expired(now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    void succeeded(String client) {
        windows.remove(client);
    }

    /** How many addresses are tracked now (the shared window included). */
    int tracked() {
        return windows.size();
    }

    // An address has its own window when it has one already or there is room for one.
    private String key(String client) {
        return windows.containsKey(client) || windows.size() < maxTracked ? client : OVERFLOW;
    }

    // Drops expired windows, at most once a minute (a full table must not cost a scan per failure).
    private synchronized boolean sweep(long now) {
        if (now - lastSweep < 60_000_000_000L) return false;
        lastSweep = now;
        windows.entrySet().removeIf(e -> e.getValue().expired(now));
        return true;
    }
}
