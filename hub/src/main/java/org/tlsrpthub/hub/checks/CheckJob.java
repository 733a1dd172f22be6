package org.tlsrpthub.hub.checks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.tlsrpthub.hub.jobs.Job;

/**
 * {@code serve} checks every served domain as a background job: one node runs each round. The first
 * round comes one tick after the node starts, not at once: a node that is started, stopped or
 * restarted does not probe every MX each time.
 */
public final class CheckJob {
    public static final String NAME = "live-checks";

    private CheckJob() {}

    /** The job, or empty with {@code checks.schedule=false}. */
    public static Optional<Job> from(CheckSettings settings, CheckRound round, Clock clock) {
        if (!settings.schedule()) return Optional.empty();
        Instant firstRound = clock.instant().plus(settings.tick());
        return Optional.of(new Job(NAME, settings.tick(), () -> clock.instant().isBefore(firstRound)
                ? "the first round comes one tick after the node started, at " + firstRound
                : round.run(false, "schedule").line()));
    }
}
