package org.tlsrpthub.core.payload;

import java.util.List;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;

/**
 * Reads a report payload whatever its packing, recognised by content (not by name or label):
 * JSON, gzip (magic 1f 8b) or zip (PK\3\4). Decompression is bounded by {@link Limits}.
 */
public final class PayloadReader {
    private final Limits limits;

    public PayloadReader(Limits limits) {
        this.limits = limits;
    }

    /** True when the bytes look like a report payload (gzip, zip, or JSON starting with '{'). */
    public static boolean looksLikePayload(byte[] bytes) {
        throw new UnsupportedOperationException("TODO");
    }

    public List<ParsedReport> read(byte[] bytes, String source) throws ReportParseException {
        throw new UnsupportedOperationException("TODO");
    }
}
