package org.tlsrpthub.core.json;

import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;

/** Parses the JSON of one TLS-RPT report (RFC 8460 §4.4): strict on structure, lenient with warnings on known quirks. */
public final class ReportParser {
    private final Limits limits;

    public ReportParser(Limits limits) {
        this.limits = limits;
    }

    public ParsedReport parse(byte[] json, String source) throws ReportParseException {
        throw new UnsupportedOperationException("TODO");
    }
}
