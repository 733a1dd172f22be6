package org.tlsrpthub.hub.ingest;

import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.payload.PayloadReader;

/** The decoder of the core library: JSON, gzip and zip recognised by content. */
public final class CoreInputDecoder implements InputDecoder {
    private final PayloadReader payloads;

    public CoreInputDecoder(Limits limits) {
        this.payloads = new PayloadReader(limits);
    }

    public CoreInputDecoder() {
        this(Limits.DEFAULTS);
    }

    @Override
    public Decoded decode(byte[] raw, String source) throws ReportParseException {
        return new Decoded(payloads.read(raw, source), null);
    }
}
