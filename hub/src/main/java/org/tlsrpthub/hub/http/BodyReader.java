package org.tlsrpthub.hub.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads a request body within a size cap and a deadline. The Content-Length is checked before the
 * first byte, but a chunked body has none and a lying client may send more than it declared, so
 * the cap is enforced again while reading. The deadline covers the whole body: the connector's
 * idle timeout alone would let a client trickle one byte a second for ever.
 */
final class BodyReader {
    private BodyReader() {}

    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    static final class TooSlow extends IOException {
        TooSlow(String message) {
            super(message);
        }
    }

    /** All requests together hold as many body bytes as the hub allows ({@link InFlightBytes}). */
    static final class Busy extends IOException {
        Busy(String message) {
            super(message);
        }
    }

    // A body without a length takes its share of the in-flight cap in steps of this size.
    private static final int SHARE_STEP = 64 * 1024;

    static byte[] read(InputStream in, long declaredLength, long maxBytes, Duration timeout, InFlightBytes.Share share)
            throws IOException {
        if (declaredLength > maxBytes) {
            throw new TooLarge("Content-Length " + declaredLength + " is more than the limit of " + maxBytes + " bytes");
        }
        cover(share, Math.max(declaredLength, 0)); // before the first byte: a refused sender costs nothing
        long deadline = System.nanoTime() + timeout.toNanos();
        // The common case (senders send a Content-Length): read into one array of that size, without
        // the 16 KiB scratch buffer and the copy out of a ByteArrayOutputStream below.
        byte[] declared = new byte[(int) Math.max(declaredLength, 0)];
        int off = 0;
        int n;
        while (off < declared.length && (n = in.read(declared, off, declared.length - off)) >= 0) {
            off += n;
            if (System.nanoTime() > deadline) {
                throw new TooSlow("the body did not arrive within " + timeout.toSeconds() + " s");
            }
        }
        if (off < declared.length) return Arrays.copyOf(declared, off); // the stream ended early
        int next = in.read();
        if (next < 0) return declared;
        // No length, or more bytes than declared: go on reading within the cap.
        int initial = (int) Math.min(declaredLength > 0 ? declaredLength : 16 * 1024, maxBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 32));
        out.write(declared, 0, off);
        out.write(next);
        long total = off + 1;
        if (total > maxBytes) throw new TooLarge("the body is more than the limit of " + maxBytes + " bytes");
        cover(share, Math.min(total + SHARE_STEP, maxBytes));
        if (System.nanoTime() > deadline) {
            throw new TooSlow("the body did not arrive within " + timeout.toSeconds() + " s");
        }
        byte[] buf = new byte[16 * 1024];
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > maxBytes) throw new TooLarge("the body is more than the limit of " + maxBytes + " bytes");
            cover(share, Math.min(total + SHARE_STEP, maxBytes));
            out.write(buf, 0, n);
            if (System.nanoTime() > deadline) {
                throw new TooSlow("the body did not arrive within " + timeout.toSeconds() + " s");
            }
        }
        return out.toByteArray();
    }

    private static void cover(InFlightBytes.Share share, long bytes) throws Busy {
        if (!share.cover(bytes)) throw new Busy("the hub holds as many report bytes as it may; please retry shortly");
    }
}
