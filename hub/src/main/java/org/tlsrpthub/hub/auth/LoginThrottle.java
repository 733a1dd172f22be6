package org.tlsrpthub.hub.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed sign-ins counted per user name and per client address, separately: after
 * {@link #MAX_FAILURES} within {@link #WINDOW_NANOS} on either, sign-in waits for that window to
 * pass. Per address stops one guesser trying many names; per user name stops many addresses (a
 * botnet) guessing one password, which per-address counting alone would never see. The slow hash
 * limits a guesser to a few tries a second; this limits a patient one to a handful per quarter hour.
 *
 * <p>Memory is bounded: each table tracks at most {@code maxTracked} keys. When a table is full, a
 * new key takes the place of one that is not throttled (the one with the fewest failures), never
 * of a throttled one, so a flood of fresh names or addresses cannot free a throttled guesser. Only
 * when every tracked key is throttled do the keys that do not fit share one window: the flood is
 * then throttled as one guesser, and nobody's count is forgotten early.
 */
final class LoginThrottle {
    static final int MAX_TRACKED = 100_000;
    static final int MAX_FAILURES = 10;
    static final long WINDOW_NANOS = 15L * 60 * 1_000_000_000;
    /** A longer text cannot be a user name (AccessService allows 64): such tries count per address only. */
    private static final int MAX_NAME = 64;

    private final Table byUser;
    private final Table byAddress;
    private final LongSupplier nanoTime;

    LoginThrottle(LongSupplier nanoTime) {
        this(nanoTime, MAX_TRACKED);
    }

    LoginThrottle(LongSupplier nanoTime, int maxTracked) {
        this.nanoTime = nanoTime;
        this.byUser = new Table(maxTracked);
        this.byAddress = new Table(maxTracked);
    }

    /** Seconds to wait before this user name may be tried from this address; 0 when it may. */
    synchronized long waitSeconds(String user, String address) {
        long now = nanoTime.getAsLong();
        long wait = byAddress.waitSeconds(address, now);
        return countsPerUser(user) ? Math.max(wait, byUser.waitSeconds(user, now)) : wait;
    }

    synchronized void failed(String user, String address) {
        long now = nanoTime.getAsLong();
        byAddress.failed(address, now);
        if (countsPerUser(user)) byUser.failed(user, now);
    }

    /**
     * Clears the user name's count. Not the address's: otherwise a guesser holding one valid account
     * could sign in to it between guesses at others and never be throttled.
     */
    synchronized void succeeded(String user) {
        if (countsPerUser(user)) byUser.windows.remove(user);
    }

    /** How many user names and addresses are tracked now (shared windows included). */
    synchronized int tracked() {
        return byUser.windows.size() + byAddress.windows.size();
    }

    private static boolean countsPerUser(String user) {
        return user != null && !user.isEmpty() && user.length() <= MAX_NAME;
    }

    private record Window(long start, int failures) {
        boolean expired(long now) {
            return now - start > WINDOW_NANOS;
        }

        boolean throttled(long now) {
            return failures >= MAX_FAILURES && !expired(now);
        }
    }

    /** One bounded table of windows; the caller holds the throttle's lock. */
    private static final class Table {
        /** The shared window of the keys that did not fit; no real name or address is empty. */
        private static final String OVERFLOW = "";

        final Map<String, Window> windows = new HashMap<>();
        private final int maxTracked;

        Table(int maxTracked) {
            this.maxTracked = maxTracked;
        }

        long waitSeconds(String key, long now) {
            Window w = windows.get(windows.containsKey(key) ? key : OVERFLOW);
            if (w == null || !w.throttled(now)) return 0;
            return Math.max(1, (w.start() + WINDOW_NANOS - now) / 1_000_000_000);
        }

        void failed(String key, long now) {
            if (!windows.containsKey(key) && windows.size() >= maxTracked && !makeRoom(now)) key = OVERFLOW;
            windows.compute(key, (k, w) -> w == null || w.expired(now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        }

        // Drops expired windows, else the unthrottled window with the fewest failures; false when all are throttled.
        private boolean makeRoom(long now) {
            String victim = null;
            int fewest = Integer.MAX_VALUE;
            for (Map.Entry<String, Window> e : windows.entrySet()) {
                Window w = e.getValue();
                if (e.getKey().equals(OVERFLOW)) continue;
                if (w.expired(now)) {
                    victim = e.getKey();
                    break;
                }
                if (!w.throttled(now) && w.failures() < fewest) {
                    victim = e.getKey();
                    fewest = w.failures();
                    if (fewest == 1) break; // cannot do better
                }
            }
            if (victim == null) return false;
            windows.remove(victim);
            return true;
        }
    }
}
