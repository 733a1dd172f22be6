package org.tlsrpthub.hub.alerts.rules;

import static org.tlsrpthub.hub.alerts.DomainFacts.window;
import static org.tlsrpthub.hub.alerts.DomainFacts.percent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.RollupRow;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;

/**
 * One reporter's failure rate to the domain, or to one of its MX hosts, jumps from a clean baseline.
 * A reporter that was failing all along has no clean baseline and is left to {@code failure-rate}.
 * TLS-RPT counts successes per reporter, not per MX, so the rate to one MX is the reporter's failed
 * sessions naming that MX over all of the reporter's sessions. It is judged only when the reporter as a
 * whole does not fire, since that incident already names the MX hosts: typically another MX that kept
 * failing spoiled the reporter's baseline while this one was clean. "This reporter succeeded on that MX
 * before" is read the same way: its baseline was clean and it reported no failure of a downgrade type
 * on that MX then.
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

    /** Failed sessions over the reporter's sessions, in the window and in the baseline before it. */
    private record Rates(long failed, long total, long baseFailed, long baseTotal) {
        double rate() {
            return percent(failed, total);
        }

        double baseRate() {
            return percent(baseFailed, baseTotal);
        }

        boolean jumped(RuleParams p) {
            return baseRate() < p.percent("baseline-percent") && rate() > p.percent("failing-percent");
        }
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
            long baseFailed = failedBefore.getOrDefault(reporter, 0L);
            Rates whole = new Rates(e.getValue(), e.getValue() + okNow.getOrDefault(reporter, 0L), baseFailed,
                    baseFailed + okBefore.getOrDefault(reporter, 0L));
            if (whole.total() < p.whole("min-sessions") || whole.baseTotal() < p.whole("min-sessions")) continue;
            if (whole.jumped(p)) {
                out.add(signal(f, reporter, null, whole, whole, from, baseFrom));
                continue;
            }
            for (String mx : ResultTypes.failingMx(f, from, r -> r.reporter().equals(reporter))) {
                Predicate<RollupRow> onMx = r -> r.reporter().equals(reporter) && r.mx().equals(mx);
                Rates one = new Rates(f.sum(RollupRow.DETAIL, from, f.today(), onMx), whole.total(), f.sum(RollupRow.DETAIL, baseFrom, from, onMx),
                        whole.baseTotal());
                if (one.jumped(p)) out.add(signal(f, reporter, mx, one, whole, from, baseFrom));
            }
        }
        return out;
    }

    /** The reporter's signal ({@code oneMx} null) or its signal about one MX host. */
    private static Signal signal(DomainFacts f, String reporter, String oneMx, Rates r, Rates whole, int from, int baseFrom) {
        Map<String, Long> types = new TreeMap<>();
        TreeSet<String> mx = new TreeSet<>();
        TreeSet<String> downgradedMx = new TreeSet<>();
        for (RollupRow row : f.rows()) {
            if (row.kind() != RollupRow.DETAIL || !row.reporter().equals(reporter) || row.day() < from || row.day() >= f.today()) continue;
            if (oneMx != null && !row.mx().equals(oneMx)) continue;
            types.merge(row.resultType(), row.sessions(), Long::sum);
            if (!row.mx().isEmpty()) mx.add(row.mx());
            if (ResultTypes.DOWNGRADE.contains(row.resultType()) && !failedBefore(f, reporter, row.mx(), baseFrom, from)) {
                downgradedMx.add(row.mx());
            }
        }
        boolean downgrade = !downgradedMx.isEmpty();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("window", window(from, f.today()));
        evidence.put("baseline_window", window(baseFrom, from));
        evidence.put("sessions", r.total());
        evidence.put("failed_sessions", r.failed());
        evidence.put("failure_rate_percent", r.rate());
        evidence.put("baseline_sessions", r.baseTotal());
        evidence.put("baseline_failure_rate_percent", r.baseRate());
        if (oneMx != null) {
            // why the reporter as a whole is not the incident: its own rates
            evidence.put("reporter_failure_rate_percent", whole.rate());
            evidence.put("reporter_baseline_failure_rate_percent", whole.baseRate());
        }
        evidence.put("result_types", types);
        evidence.put("mx_hosts", List.copyOf(mx));
        if (downgrade) evidence.put("downgraded_mx_hosts", List.copyOf(downgradedMx));
        TreeSet<String> parties = new TreeSet<>(mx);
        parties.add(reporter);
        String rate = oneMx == null
                ? String.format("%s now fails %.2f %% of %d sessions to %s (%.2f %% before)", reporter, r.rate(), r.total(), f.domain(), r.baseRate())
                : String.format("%s's failures on %s are now %.2f %% of its %d sessions to %s (%.2f %% before)", reporter, oneMx, r.rate(),
                        r.total(), f.domain(), r.baseRate());
        String summary = rate + (downgrade ? ": the failures look like STARTTLS stripping on " + String.join(", ", downgradedMx) : "");
        return new Signal(f.domain(), ID, oneMx == null ? reporter : reporter + " " + oneMx, downgrade ? Severity.CRITICAL : Severity.WARNING,
                reporter, mx.isEmpty() ? null : String.join(",", mx), types.isEmpty() ? null : String.join(",", types.keySet()), downgrade,
                r.rate(), parties, from, f.today(), summary, evidence);
    }

    private static boolean failedBefore(DomainFacts f, String reporter, String mx, int from, int to) {
        return f.sum(RollupRow.DETAIL, from, to, r -> r.reporter().equals(reporter) && r.mx().equals(mx)
                && ResultTypes.DOWNGRADE.contains(r.resultType())) > 0;
    }
}
