package org.tlsrpthub.hub.checks;

import java.time.Duration;
import org.tlsrpthub.hub.config.Settings;

/**
 * The scheduled checks' settings (docs/scheduled-checks.md).
 *
 * @param schedule    {@code checks.schedule}: whether {@code serve} checks every domain on its own
 * @param interval    {@code checks.interval-hours}: how often each domain is checked
 * @param concurrency {@code checks.concurrency}: domains checked at the same time in a round
 * @param tick        {@code checks.tick-seconds}: how often the job looks for domains that are due
 * @param historyKeep {@code checks.history-keep}: a domain's newest checks kept whatever they showed
 */
public record CheckSettings(boolean schedule, Duration interval, int concurrency, Duration tick, int historyKeep) {
    public static final int DEFAULT_HISTORY_KEEP = 100;

    public static CheckSettings from(Settings s) {
        int hours = s.getInt("checks.interval-hours", 6);
        if (hours < 1) throw new IllegalArgumentException("checks.interval-hours must be at least 1, not " + hours);
        int concurrency = s.getInt("checks.concurrency", 16);
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("checks.concurrency must be from 1 to 256, not " + concurrency);
        }
        long tick = s.getLong("checks.tick-seconds", 300);
        if (tick < 1) throw new IllegalArgumentException("checks.tick-seconds must be at least 1, not " + tick);
        int keep = s.getInt("checks.history-keep", DEFAULT_HISTORY_KEEP);
        if (keep < 1) throw new IllegalArgumentException("checks.history-keep must be at least 1, not " + keep);
        return new CheckSettings(s.getBoolean("checks.schedule", true), Duration.ofHours(hours), concurrency,
                Duration.ofSeconds(tick), keep);
    }
}
