package org.tlsrpthub.hub.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

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

    static byte[] read(InputStream in, long declaredLength, long maxBytes, Duration timeout) throws IOException {
        if (declaredLength > maxBytes) {
            throw new TooLarge("Content-Length " + declaredLength + " is more than the limit of " + maxBytes + " bytes");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int initial = (int) Math.min(declaredLength > 0 ? declaredLength : 16 * 1024, maxBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 32));
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > maxBytes) throw new TooLarge("the body is more than the limit of " + maxBytes + " bytes");
            out.write(buf, 0, n);
            if (System.nanoTime() > deadline) {
                throw new TooSlow("the body did not arrive within " + timeout.toSeconds() + " s");
            }
        }
        return out.toByteArray();
    }
}
