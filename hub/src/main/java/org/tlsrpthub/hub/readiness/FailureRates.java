package org.tlsrpthub.hub.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Persistent enforce-relevant failures against the current policy, overall and per major sender:
 * the numbers behind the not-ready verdict and behind the {@code enforce-would-fail} alert rule, so
 * that both judge a threshold the same way.
 *
 * @param overall      all reporters
 * @param majorSenders each major sender that reported under the current policy
 */
public record FailureRates(Rate overall, List<Rate> majorSenders) {

    /**
     * @param reporter     null for all reporters
     * @param failingHosts "mx (result type)" of the persistent failures counted
     */
    public record Rate(String reporter, long failed, long sessions, List<String> failingHosts) {
        public double percent() {
            return sessions == 0 ? 0 : 100.0 * failed / sessions;
        }

        boolean atOrAbove(double threshold) {
            return sessions > 0 && failed > 0 && percent() >= threshold;
        }
    }

    static FailureRates of(Tally t, ReadinessSettings s) {
        List<Rate> major = new ArrayList<>();
        for (String r : t.reporters()) {
            if (s.isMajor(r)) major.add(new Rate(r, t.persistentFailed(r), t.sessions.get(r), failingHosts(t, r)));
        }
        return new FailureRates(new Rate(null, t.persistentFailed(null), t.totalSessions(), failingHosts(t, null)), major);
    }

    /** One sentence, with its numbers, per rate at or above {@code threshold} percent; empty when none is. */
    public List<String> atOrAbove(double threshold) {
        List<String> out = new ArrayList<>();
        if (overall.atOrAbove(threshold)) {
            out.add(String.format(Locale.ROOT, "Persistent enforce-relevant failures are %s%% of all sessions (%,d of %,d), at or above %s%%%s.",
                    ReadinessRules.percent(overall.percent()), overall.failed(), overall.sessions(), ReadinessRules.percent(threshold),
                    hosts(overall)));
        }
        for (Rate r : majorSenders) {
            if (!r.atOrAbove(threshold)) continue;
            out.add(String.format(Locale.ROOT, "Major sender %s: persistent enforce-relevant failures are %s%% of its sessions (%,d of %,d)%s.",
                    r.reporter(), ReadinessRules.percent(r.percent()), r.failed(), r.sessions(), hosts(r)));
        }
        return out;
    }

    private static String hosts(Rate r) {
        return r.failingHosts().isEmpty() ? "" : "; failing MX hosts: " + String.join(", ", r.failingHosts());
    }

    /** The persistent failures' hosts of one reporter or (null) all, in the tally's order. */
    private static List<String> failingHosts(Tally t, String reporter) {
        List<String> hosts = new ArrayList<>();
        for (Tally.FailureKey k : t.failures.keySet()) {
            if ((reporter == null || k.reporter().equals(reporter)) && t.persistent(k.reporter(), k.resultType())) {
                String h = (k.mx().isEmpty() ? "(no MX named)" : k.mx()) + " (" + k.resultType() + ")";
                if (!hosts.contains(h)) hosts.add(h);
            }
        }
        return hosts;
    }
}
