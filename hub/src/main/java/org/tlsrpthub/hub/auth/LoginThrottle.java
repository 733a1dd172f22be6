package org.tlsrpthub.hub.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed sign-ins per client address: after {@link #MAX_FAILURES} within {@link #WINDOW_NANOS} the
 * address must wait for the window to pass. The slow hash limits one guesser to a few tries a second;
 * this limits a patient one to a handful per quarter hour.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final long WINDOW_NANOS = 15L * 60 * 1_000_000_000;
    private static final int MAX_TRACKED = 100_000;

    private record Window(long start, int failures) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    LoginThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Seconds the client must still wait; 0 when it may try. */
    long waitSeconds(String client) {
        Window w = windows.get(client);
        if (w == null || w.failures() < MAX_FAILURES) return 0;
        long left = w.start() + WINDOW_NANOS - nanoTime.getAsLong();
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000_000);
    }

    void failed(String client) {
        long now = nanoTime.getAsLong();
        if (windows.size() > MAX_TRACKED) windows.clear(); // a flood of addresses: forget rather than grow
        windows.compute(client, (k, w) -> w == null || now - w.start() > WINDOW_NANOS ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    void succeeded(String client) {
        windows.remove(client);
    }
}
