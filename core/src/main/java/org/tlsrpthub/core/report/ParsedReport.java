package org.tlsrpthub.core.report;

import java.util.List;
import java.util.Objects;

/** A report as parsed, with every deviation that was tolerated on the way. */
public record ParsedReport(Report report, List<Warning> warnings) {

    public ParsedReport {
        Objects.requireNonNull(report, "report");
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarning(WarningCode code) {
        for (Warning w : warnings) {
            if (w.code() == code) return true;
        }
        return false;
    }

    public ParsedReport withMoreWarnings(List<Warning> more) {
        if (more.isEmpty()) return this;
        var all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new ParsedReport(report, all);
    }
}
