package org.tlsrpthub.hub.ingest;

import org.tlsrpthub.core.InputReader;
import org.tlsrpthub.core.InputResult;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;

/** The decoder of the core library: JSON, gzip, zip and report emails, recognised by content. */
public final class CoreInputDecoder implements InputDecoder {
    private final InputReader reader;

    public CoreInputDecoder(Limits limits) {
        this.reader = new InputReader(limits);
    }

    public CoreInputDecoder() {
        this(Limits.DEFAULTS);
    }

    @Override
    public Decoded decode(byte[] raw, String source) throws ReportParseException {
        InputResult r = reader.read(raw, source);
        String messageId = r.email() == null ? null : r.email().metadata().messageId();
        return new Decoded(r.reports(), messageId);
    }
}
