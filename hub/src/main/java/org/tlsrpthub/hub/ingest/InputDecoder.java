package org.tlsrpthub.hub.ingest;

import java.util.List;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;

/** Turns one raw input into its reports. Implementations must be thread-safe. */
@FunctionalInterface
public interface InputDecoder {

    Decoded decode(byte[] raw, String source) throws ReportParseException;

    /**
     * @param reports   the reports in the input (at least one)
     * @param messageId the Message-ID when the input was an email; null otherwise
     */
    record Decoded(List<ParsedReport> reports, String messageId) {
        public Decoded {
            reports = List.copyOf(reports);
        }
    }
}
