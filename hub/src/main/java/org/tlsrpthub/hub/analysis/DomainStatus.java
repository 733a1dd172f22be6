package org.tlsrpthub.hub.analysis;

import java.time.Duration;
import java.time.Instant;

/**
 * A domain's health at a glance. The thresholds are deliberately simple so that an operator can
 * predict the colour from the numbers:
 * <ul>
 *   <li>SILENT — no report about the domain ended within {@link #SILENT_AFTER} (72 h) before the
 *       reference time (now, or the end of a period in the past). Senders report daily, so this
 *       tolerates one late or missing day; silence usually means the TLSRPT record or the rua
 *       address broke, and it overrides the other statuses.</li>
 *   <li>FAILING — volume-weighted failure rate of at least {@link #FAILING_RATE} (10 %).</li>
 *   <li>DEGRADED — failure rate of at least {@link #DEGRADED_RATE} (1 %).</li>
 *   <li>HEALTHY — anything below.</li>
 * </ul>
 */
public enum DomainStatus {
    HEALTHY, DEGRADED, FAILING, SILENT;

    public static final Duration SILENT_AFTER = Duration.ofHours(72);
    public static final double DEGRADED_RATE = 0.01;
    public static final double FAILING_RATE = 0.10;

    /**
     * @param lastReportEnd the end of the newest report's range; null when there has never been one
     * @param reference     the instant "lately" is measured from
     */
    public static DomainStatus classify(double failureRate, Instant lastReportEnd, Instant reference) {
        if (lastReportEnd == null || lastReportEnd.isBefore(reference.minus(SILENT_AFTER))) return SILENT;
        if (failureRate >= FAILING_RATE) return FAILING;
        if (failureRate >= DEGRADED_RATE) return DEGRADED;
        return HEALTHY;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
