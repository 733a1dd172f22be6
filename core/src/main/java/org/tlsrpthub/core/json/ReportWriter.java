package org.tlsrpthub.core.json;

import org.tlsrpthub.core.report.Report;

/** Writes canonical RFC 8460 JSON. */
public final class ReportWriter {
    public byte[] write(Report report) {
        throw new UnsupportedOperationException("TODO");
    }
}
