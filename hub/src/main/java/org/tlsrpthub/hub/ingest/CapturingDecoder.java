package org.tlsrpthub.hub.ingest;

import org.tlsrpthub.core.ReportParseException;

/**
 * The ingest decoder, remembering the last parse error on the calling thread. The quarantine keeps
 * only the error's text; the HTTP answer also wants its JSON pointer, line and column as separate
 * members (RFC 9457 extension members). {@code prepare} decodes synchronously on the caller's own
 * thread, so a thread-local is exact and saves decoding a bad body twice.
 */
final class CapturingDecoder implements InputDecoder {
    private final InputDecoder inner;
    private final ThreadLocal<ReportParseException> last = new ThreadLocal<>();

    CapturingDecoder(InputDecoder inner) {
        this.inner = inner;
    }

    @Override
    public Decoded decode(byte[] raw, String source) throws ReportParseException {
        last.remove();
        try {
            return inner.decode(raw, source);
        } catch (ReportParseException e) {
            last.set(e);
            throw e;
        }
    }

    /** The error of the last decode on this thread, or null; clears it. */
    ReportParseException takeLastError() {
        ReportParseException e = last.get();
        last.remove();
        return e;
    }
}
