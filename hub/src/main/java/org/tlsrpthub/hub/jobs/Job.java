package org.tlsrpthub.hub.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * Background work that runs every {@code every} (from the end of one run to the start of the next),
 * on one hub node at a time however many share the database.
 *
 * @param name  stable: it keys the job's schedule in the database ([a-z0-9-]+)
 * @param every the delay between runs
 * @param work  the run; its result is the one line the run ledger shows ("deleted 12 raw inputs")
 */
public record Job(String name, Duration every, Work work) {
    public Job {
        if (!name.matches("[a-z0-9-]+")) throw new IllegalArgumentException("job name '" + name + "': use [a-z0-9-]");
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("job " + name + ": the interval must be positive");
        Objects.requireNonNull(work, "work");
    }

    @FunctionalInterface
    public interface Work {
        String run() throws Exception;
    }
}
