package org.tlsrpthub.hub.store;

import java.util.List;
import java.util.Objects;
import org.tlsrpthub.core.report.ParsedReport;

/**
 * One input to write: its raw bytes, the reports to store from it, and, when the input or some
 * of its reports could not be accepted, why (the input is then also kept in quarantine).
 */
public record StoreRequest(RawInput raw, List<ParsedReport> reports, Quarantine quarantine) {

    public StoreRequest {
        Objects.requireNonNull(raw, "raw");
        reports = List.copyOf(reports);
        if (reports.isEmpty() && quarantine == null) {
            throw new IllegalArgumentException("an input with no report to store must be quarantined");
        }
    }
}
