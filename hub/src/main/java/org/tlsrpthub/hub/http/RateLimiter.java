package org.tlsrpthub.hub.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address. RFC 8460 §7: anyone can point reports at us, so one source
 * must not flood the store and hide real reports; a sender that is refused retries later (§5.5).
 * Used by the HTTP endpoint and the SMTP listener.
 */
public final class RateLimiter {
    static final int MAX_TRACKED = 100_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** {@code perMinute} 0 turns limiting off. */
    public RateLimiter(int perMinute, int burst, LongSupplier nanoTime) {
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    boolean enabled() {
        return perNano > 0;
    }

    /** Takes a token for {@code client}; false when its bucket is empty. */
    public boolean tryAcquire(String client) {
        if (!enabled()) return true;
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED) forget(now);
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }

    /** Seconds until {@code client} has a token again (for Retry-After). */
    public long secondsUntilToken(String client) {
        Bucket b = buckets.get(client);
        if (b == null || !enabled()) return 0;
        synchronized (b) {
            return (long) Math.ceil(Math.max(0, 1 - b.tokens) / perNano / 1e9);
        }
    }

    /** Clients tracked now (at most a little over {@link #MAX_TRACKED}). */
    int tracked() {
        return buckets.size();
    }

    // A refilled bucket is the same as no bucket: dropping those costs nothing. When a flood from
    // more addresses than that keeps every bucket partly used, some are dropped anyway (each such
    // address gets a fresh burst): memory stays bounded, and the scan runs once per quarter of
    // MAX_TRACKED new addresses, not on every request.
    private synchronized void forget(long now) {
        if (buckets.size() <= MAX_TRACKED) return; // another thread just did it
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                return b.tokens + (now - b.at) * perNano >= burst;
            }
        });
        var it = buckets.keySet().iterator();
        while (buckets.size() > MAX_TRACKED * 3 / 4 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
