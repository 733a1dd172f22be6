package org.tlsrpthub.hub.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, so that times written to the store are known and distinct. */
public final class ManualClock extends Clock {
    public Instant now = Instant.parse("2026-11-01T10:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }

    public void advance(Duration d) {
        now = now.plus(d);
    }
}
