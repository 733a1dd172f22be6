package org.tlsrpthub.hub.readiness;

import java.time.Duration;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.jobs.Job;

/**
 * {@code serve} keeps the overview's MTA-STS column judged off the request path: every
 * {@code readiness.column-refresh-seconds} one node judges the domains whose stored column is stale
 * or of an earlier UTC day (docs/readiness.md "How it stays cheap").
 */
public final class ReadinessColumnJob {
    public static final String NAME = "readiness-column";

    private ReadinessColumnJob() {}

    public static Job of(Settings settings, ReadinessService readiness) {
        long every = settings.getLong("readiness.column-refresh-seconds", 300);
        if (every < 1) throw new IllegalArgumentException("readiness.column-refresh-seconds must be at least 1, not " + every);
        return new Job(NAME, Duration.ofSeconds(every), readiness::refreshColumns);
    }
}
