package org.tlsrpthub.hub.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.jobs.Job;
import org.tlsrpthub.hub.store.Database;

/** {@code serve} applies {@code retention.days} itself, every {@code retention.interval-seconds}. */
public final class RetentionJob {
    private RetentionJob() {}

    /** The job, or empty when {@code retention.days} is not set (everything is kept). */
    public static Optional<Job> from(Settings settings, Database db, Clock clock) {
        if (settings.get("retention.days") == null) return Optional.empty();
        int days = settings.getInt("retention.days", 0);
        if (days < 1) throw new IllegalArgumentException("retention.days must be at least 1, not " + days);
        long every = settings.getLong("retention.interval-seconds", Duration.ofDays(1).toSeconds());
        if (every < 1) throw new IllegalArgumentException("retention.interval-seconds must be at least 1, not " + every);
        RetentionService service = new RetentionService(db, clock);
        return Optional.of(new Job("retention", Duration.ofSeconds(every), () -> {
            RetentionService.Result r = service.apply(days, false);
            return "kept " + days + " days: deleted " + r.rawInputs() + " raw inputs, " + r.failureDetails()
                    + " failure details, " + r.expiredJunk() + " expired junk inputs";
        }));
    }
}
