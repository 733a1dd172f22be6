package org.tlsrpthub.hub.alerts;

import java.time.Clock;
import java.util.Optional;
import org.tlsrpthub.hub.jobs.Job;

/**
 * {@code serve} evaluates every domain and the hub rules every {@code alerts.interval-seconds}, on one
 * node at a time: this is what resolves incidents whose domains receive nothing any more.
 */
public final class AlertsJob {
    public static final String NAME = "alerts-evaluate";

    private AlertsJob() {}

    /** The job, or empty when {@code alerts.enabled} is false. */
    public static Optional<Job> of(AlertService alerts, Clock clock) {
        if (!alerts.settings().enabled()) return Optional.empty();
        return Optional.of(new Job(NAME, alerts.settings().interval(), () -> "incidents: " + alerts.run(clock.instant(), null)));
    }
}
