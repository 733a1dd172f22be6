package org.tlsrpthub.hub.alerts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a rule found at one instant: the condition behind one incident, keyed by (domain, rule,
 * subject). Rules build it; the engine adds the report ids to the evidence and turns it into an
 * incident transition.
 *
 * @param domain     the policy domain, or "" for the hub's own inputs
 * @param subject    the reporter, MX host, result type or receiver the condition is about; "" when none
 * @param reporter   set when the subject is a reporter (else null)
 * @param mx         the MX host(s) involved, comma-separated, or null
 * @param resultType the result type involved, or null
 * @param downgrade  sender-failing only: true when the new failures look like STARTTLS stripping; else null
 * @param ratePercent the failure rate behind the condition, or null when the rule has none (a doubling is a material change)
 * @param parties    the reporters and MX hosts involved (a new one is a material change)
 * @param fromDay    first UTC epoch day of the window the numbers cover (inclusive)
 * @param toDay      the day after the window (exclusive); the reports of [fromDay, toDay) are the evidence
 * @param summary    one plain sentence with the numbers
 * @param evidence   the numbers, as shown and printed (JSON-friendly values)
 */
public record Signal(String domain, String rule, String subject, Severity severity, String reporter, String mx, String resultType,
                     Boolean downgrade, Double ratePercent, SortedSet<String> parties, int fromDay, int toDay, String summary,
                     Map<String, Object> evidence) {
    public Signal {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(severity, "severity");
        parties = new TreeSet<>(parties);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence)); // insertion order: printed output is stable
    }

    /** The incident key. */
    public String key() {
        return domain + "\n" + rule + "\n" + subject;
    }

    public Signal withEvidence(Map<String, Object> more) {
        return new Signal(domain, rule, subject, severity, reporter, mx, resultType, downgrade, ratePercent, parties, fromDay, toDay,
                summary, more);
    }
}
