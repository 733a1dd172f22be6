package org.tlsrpthub.hub.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The report bodies held in memory by all requests at once, against one global cap: per-body and
 * per-address limits alone let many unauthenticated senders together fill the heap. A request
 * reserves its declared length before reading, grows its share while a body without a length
 * arrives, and gives it all back once answered.
 */
final class InFlightBytes {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    InFlightBytes(long limit) {
        this.limit = limit;
    }

    long used() {
        return used.get();
    }

    long limit() {
        return limit;
    }

    /** One request's share; {@link #close} gives it back. Not thread-safe: one request, one thread. */
    Share share() {
        return new Share();
    }

    final class Share implements AutoCloseable {
        private long held;

        /** Makes this request hold at least {@code bytes}; false (holding no more than before) when the cap is reached. */
        boolean cover(long bytes) {
            long more = bytes - held;
            if (more <= 0) return true;
            long now;
            do {
                now = used.get();
                if (now + more > limit) return false;
            } while (!used.compareAndSet(now, now + more));
            held = bytes;
            return true;
        }

        @Override
        public void close() {
            used.addAndGet(-held);
            held = 0;
        }
    }
}
