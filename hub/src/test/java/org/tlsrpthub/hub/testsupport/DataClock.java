package org.tlsrpthub.hub.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock for hubs that serve data made for a fixed day. A hub on the wall clock sees such data age
 * as the calendar moves on (its own jobs, alerts-evaluate first, judge it old), so the test passes
 * on the data's day and fails on a later one. The hub runs on this clock instead.
 */
public final class DataClock {
    private DataClock() {}

    /** Reads {@code at} now and runs on at the wall clock's pace, so sessions, timers and jobs still move. */
    public static Clock runningFrom(Instant at) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
    }
}
