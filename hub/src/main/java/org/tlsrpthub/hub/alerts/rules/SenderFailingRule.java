package org.tlsrpthub.hub.alerts.rules;

import static org.tlsrpthub.hub.alerts.DomainFacts.date;
import static org.tlsrpthub.hub.alerts.DomainFacts.window;
import static org.tlsrpthub.hub.alerts.DomainFacts.percent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.RollupRow;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;

/**
 * One reporter's failure rate to the domain jumps from a clean baseline. A reporter that was failing
 * all along has no clean baseline and is left to {@code failure-rate}. The rollups count successes per
 * reporter, not per MX, so "this reporter succeeded on that MX before" is read as: its baseline was
 * clean and it reported no failure of a downgrade type on that MX then.
 */
public final class SenderFailingRule implements DomainRule {
    public static final String ID = "sender-failing";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("baseline-percent", 1.0, "failing-percent", 10.0, "window-days", 3.0, "baseline-days", 14.0, "min-sessions", 20.0);
    }

    @Override
    public int lookbackDays(RuleParams p) {
        return p.whole("window-days") + p.whole("baseline-days");
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        int from = f.today() - p.whole("window-days");
        int baseFrom = from - p.whole("baseline-days");
        Map<String, Long> okNow = f.perReporter(RollupRow.SUCCESS, from, f.today());
        Map<String, Long> failedNow = f.perReporter(RollupRow.FAILURE, from, f.today());
        Map<String, Long> okBefore = f.perReporter(RollupRow.SUCCESS, baseFrom, from);
        Map<String, Long> failedBefore = f.perReporter(RollupRow.FAILURE, baseFrom, from);
        List<Signal> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : failedNow.entrySet()) {
            String reporter = e.getKey();
            long failed = e.getValue();
            long total = failed + okNow.getOrDefault(reporter, 0L);
            long baseFailed = failedBefore.getOrDefault(reporter, 0L);
            long baseTotal = baseFailed + okBefore.getOrDefault(reporter, 0L);
            if (total < p.whole("min-sessions") || baseTotal < p.whole("min-sessions")) continue;
            double rate = percent(failed, total);
            double baseRate = percent(baseFailed, baseTotal);
            if (baseRate >= p.percent("baseline-percent") || rate <= p.percent("failing-percent")) continue;
            out.add(signal(f, reporter, from, baseFrom, rate, baseRate, failed, total, baseTotal));
        }
        return out;
    }

    private static Signal signal(DomainFacts f, String reporter, int from, int baseFrom, double rate, double baseRate, long failed,
                                 long total, long baseTotal) {
        Map<String, Long> types = new TreeMap<>();
        TreeSet<String> mx = new TreeSet<>();
        TreeSet<String> downgradedMx = new TreeSet<>();
        for (RollupRow r : f.rows()) {
            if (r.kind() != RollupRow.DETAIL || !r.reporter().equals(reporter) || r.day() < from || r.day() >= f.today()) continue;
            types.merge(r.resultType(), r.sessions(), Long::sum);
            if (!r.mx().isEmpty()) mx.add(r.mx());
            if (ResultTypes.DOWNGRADE.contains(r.resultType()) && !failedBefore(f, reporter, r.mx(), baseFrom, from)) downgradedMx.add(r.mx());
        }
        boolean downgrade = !downgradedMx.isEmpty();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("window", window(from, f.today()));
        evidence.put("baseline_window", window(baseFrom, from));
        evidence.put("sessions", total);
        evidence.put("failed_sessions", failed);
        evidence.put("failure_rate_percent", rate);
        evidence.put("baseline_sessions", baseTotal);
        evidence.put("baseline_failure_rate_percent", baseRate);
        evidence.put("result_types", types);
        evidence.put("mx_hosts", List.copyOf(mx));
        if (downgrade) evidence.put("downgraded_mx_hosts", List.copyOf(downgradedMx));
        TreeSet<String> parties = new TreeSet<>(mx);
        parties.add(reporter);
        String summary = String.format("%s now fails %.2f %% of %d sessions to %s (%.2f %% before)%s", reporter, rate, total, f.domain(),
                baseRate, downgrade ? ": the failures look like STARTTLS stripping on " + String.join(", ", downgradedMx) : "");
        return new Signal(f.domain(), ID, reporter, downgrade ? Severity.CRITICAL : Severity.WARNING, reporter,
                mx.isEmpty() ? null : String.join(",", mx), types.isEmpty() ? null : String.join(",", types.keySet()), downgrade, rate,
                parties, from, f.today(), summary, evidence);
    }

    private static boolean failedBefore(DomainFacts f, String reporter, String mx, int from, int to) {
        return f.sum(RollupRow.DETAIL, from, to, r -> r.reporter().equals(reporter) && r.mx().equals(mx)
                && ResultTypes.DOWNGRADE.contains(r.resultType())) > 0;
    }
}
