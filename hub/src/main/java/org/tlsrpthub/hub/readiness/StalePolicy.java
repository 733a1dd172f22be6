package org.tlsrpthub.hub.readiness;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The reporters whose latest reports, sent after the current policy came into force, still apply an
 * older version (issue 13 §3): what the {@code stale-policy} alert rule reads through
 * {@link ReadinessService#stalePolicy}.
 *
 * @param policy    the current policy; null when there is none (then no reporter is listed)
 * @param changedOn the first day the current policy was in force
 */
public record StalePolicy(String domain, Readiness.Policy policy, @JsonProperty("changed_on") LocalDate changedOn,
        List<Reporter> reporters) {

    /**
     * @param lastReportDay   the newest day the reporter reported
     * @param mode            the mode of the older version it applied that day
     * @param maxAge          the max_age of that older version, in seconds; null when the reports did not say
     * @param daysSinceChange complete days from the change to the instant asked about
     * @param pastMaxAge      whether more time than the older version's max_age has passed since the change:
     *                        the reporter should have fetched the new policy by now
     */
    public record Reporter(String reporter, @JsonProperty("last_report_day") LocalDate lastReportDay, String mode,
            List<String> mx, @JsonProperty("max_age") Long maxAge, @JsonProperty("days_since_change") long daysSinceChange,
            @JsonProperty("past_max_age") boolean pastMaxAge) {}
}
