package org.tlsrpthub.hub.readiness;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The readiness verdict of one domain at an instant (issue 13 §1), as the CLI prints it with
 * {@code --json}, the API answers it and the domain page shows it.
 *
 * @param reasons    sentences an operator can act on, each with its numbers
 * @param wouldBreak what enforce would have refused under the current policy, busiest first
 * @param policy     the current policy; null when there is none
 */
public record Readiness(String domain, Verdict verdict, List<String> reasons,
        @JsonProperty("would_break") List<WouldBreak> wouldBreak, Window window, Policy policy) {

    /**
     * The days looked at: [from, to], both complete UTC days.
     *
     * @param daysObserved  days with a report under the current policy
     * @param lastReportDay the newest day any report covers; null when none in the window
     * @param sessions      sessions reported under the current policy
     * @param majorSenders  the major senders that reported under the current policy
     */
    public record Window(LocalDate from, LocalDate to, @JsonProperty("days_observed") int daysObserved,
            @JsonProperty("last_report_day") LocalDate lastReportDay, long sessions,
            @JsonProperty("major_senders") List<String> majorSenders) {}

    /**
     * @param source  hosted, live or reports
     * @param since   the first day it was in force (hosted since, or first reported); null when unknown
     * @param maxAge  seconds; null when unknown
     */
    public record Policy(CurrentPolicy.Source source, String mode, List<String> mx, @JsonProperty("max_age") Long maxAge,
            LocalDate since) {

        static Policy of(CurrentPolicy p) {
            return new Policy(p.source(), p.version().mode(), p.version().mx(), p.version().maxAge(), p.since());
        }
    }

    /**
     * Sessions enforce would have refused, per reporter, MX host and result type.
     *
     * @param sessionsPerDay failed sessions over the days the reporter reported under the current policy
     * @param persistent     the reporter reported this result type on two or more days
     * @param fix            the first step of the failure taxonomy's remedy for the result type
     */
    public record WouldBreak(String reporter, String mx, @JsonProperty("result_type") String resultType,
            @JsonProperty("sessions_per_day") double sessionsPerDay, boolean persistent, String fix,
            @JsonProperty("major_sender") boolean majorSender, long sessions, int days) {}
}
