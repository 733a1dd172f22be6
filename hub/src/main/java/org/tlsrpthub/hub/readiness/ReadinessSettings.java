package org.tlsrpthub.hub.readiness;

import java.util.List;
import java.util.Locale;
import org.tlsrpthub.hub.config.Settings;

/**
 * The thresholds of the readiness verdict (docs/readiness.md).
 *
 * @param majorSenders        reporter keys (contact or signing domain) of the major senders; a
 *                            reporter matches an entry equal to its key or a parent of it
 * @param minDays             days of reports under the current testing policy needed for a verdict
 * @param maxSilenceDays      a domain whose newest report is older than this many complete days has stale data
 * @param testingOnlyDays     with no reports at all, days in testing after which time alone counts
 * @param windowDays          how many complete days before the instant the verdict looks at
 * @param maxFailurePercent   persistent enforce-relevant failures at or above this share of sessions block
 */
public record ReadinessSettings(List<String> majorSenders, int minDays, int maxSilenceDays, int testingOnlyDays,
        int windowDays, double maxFailurePercent) {

    public static final List<String> DEFAULT_MAJOR_SENDERS =
            List.of("google.com", "microsoft.com", "outlook.com", "yahoo.com", "yahooinc.com", "apple.com", "icloud.com");

    public static final ReadinessSettings DEFAULTS = new ReadinessSettings(DEFAULT_MAJOR_SENDERS, 14, 3, 28, 30, 1.0);

    public ReadinessSettings {
        majorSenders = majorSenders.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        if (minDays < 1) throw new IllegalArgumentException("readiness.min-days must be at least 1, not " + minDays);
        if (maxSilenceDays < 1) throw new IllegalArgumentException("readiness.max-silence-days must be at least 1, not " + maxSilenceDays);
        if (windowDays < minDays) {
            throw new IllegalArgumentException("readiness.window-days (" + windowDays + ") must be at least readiness.min-days (" + minDays + ")");
        }
        if (!(maxFailurePercent > 0 && maxFailurePercent <= 100)) {
            throw new IllegalArgumentException("readiness.max-failure-percent must be above 0 and at most 100, not " + maxFailurePercent);
        }
    }

    public static ReadinessSettings from(Settings s) {
        List<String> major = s.get("readiness.major-senders") == null ? DEFAULT_MAJOR_SENDERS : s.getList("readiness.major-senders");
        String percent = s.get("readiness.max-failure-percent", "1");
        double p;
        try {
            p = Double.parseDouble(percent);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("readiness.max-failure-percent must be a number, not '" + percent + "'");
        }
        return new ReadinessSettings(major, s.getInt("readiness.min-days", DEFAULTS.minDays),
                s.getInt("readiness.max-silence-days", DEFAULTS.maxSilenceDays),
                s.getInt("readiness.testing-only-days", DEFAULTS.testingOnlyDays),
                s.getInt("readiness.window-days", DEFAULTS.windowDays), p);
    }

    /** Whether the reporter key names a major sender (the entry itself or a name under it). */
    public boolean isMajor(String reporterKey) {
        String k = reporterKey.toLowerCase(Locale.ROOT);
        return majorSenders.stream().anyMatch(m -> k.equals(m) || k.endsWith("." + m));
    }
}
