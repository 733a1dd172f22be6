package org.tlsrpthub.hub.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What became of one input.
 *
 * @param status  the input as a whole: STORED when any report was stored, else DUPLICATE when any
 *                was known, else QUARANTINED or REJECTED
 * @param reason  why it was quarantined or rejected (the grouping key); null when stored or duplicate
 * @param kind    the kind of quarantine (a ReportParseException kind or OTHER_DOMAIN); null otherwise
 * @param reports one outcome per report in the input; empty when the input could not be parsed
 */
public record IngestOutcome(IngestStatus status, String reason, String kind, List<ReportOutcome> reports) {

    public IngestOutcome {
        Objects.requireNonNull(status, "status");
        reports = List.copyOf(reports);
    }

    static IngestOutcome of(List<ReportOutcome> reports, String reason, String kind) {
        IngestStatus overall = IngestStatus.REJECTED;
        for (ReportOutcome r : reports) {
            if (r.status().ordinal() < overall.ordinal()) overall = r.status();
        }
        return new IngestOutcome(overall, overall == IngestStatus.STORED || overall == IngestStatus.DUPLICATE ? null : reason,
                kind, reports);
    }
}
