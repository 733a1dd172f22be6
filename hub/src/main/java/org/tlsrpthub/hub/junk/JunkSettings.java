package org.tlsrpthub.hub.junk;

import java.time.Duration;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * How much junk the open doors (HTTP, SMTP) may leave in the quarantine, and for how long
 * (keys {@code quarantine.junk-*}, documented in docs/receiving.md).
 *
 * @param keepFor   {@code quarantine.junk-days}: junk is deleted this long after it came (default 30 days)
 * @param maxBytes  {@code quarantine.junk-max-bytes}: junk held at most, as received (default 1 GiB)
 * @param maxInputs {@code quarantine.junk-max-inputs}: junk inputs held at most (default 100,000)
 */
public record JunkSettings(Duration keepFor, long maxBytes, long maxInputs) {

    public static JunkSettings from(Settings s) {
        long days = s.getLong("quarantine.junk-days", 30);
        long bytes = s.getLong("quarantine.junk-max-bytes", 1L << 30);
        long inputs = s.getLong("quarantine.junk-max-inputs", 100_000);
        if (days < 1 || bytes < 1 || inputs < 1) {
            throw new SettingsException("quarantine.junk-days, quarantine.junk-max-bytes and quarantine.junk-max-inputs"
                    + " must be at least 1 (days " + days + ", bytes " + bytes + ", inputs " + inputs + ")");
        }
        return new JunkSettings(Duration.ofDays(days), bytes, inputs);
    }
}
