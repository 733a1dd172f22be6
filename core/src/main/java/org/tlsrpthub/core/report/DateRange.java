package org.tlsrpthub.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The {@code date-range} of a report (RFC 8460 §4.4): start and end as instants in UTC. */
public record DateRange(Instant start, Instant end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
