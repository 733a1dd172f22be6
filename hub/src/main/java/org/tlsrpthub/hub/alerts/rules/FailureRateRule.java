package org.tlsrpthub.hub.alerts.rules;

import static org.tlsrpthub.hub.alerts.DomainFacts.date;
import static org.tlsrpthub.hub.alerts.DomainFacts.percent;
import static org.tlsrpthub.hub.alerts.DomainFacts.window;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.RollupRow;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;

/**
 * The domain's failure rate over the last complete days, weighted by volume (failed sessions over all
 * sessions, from the summary counts). A minimum of sessions keeps a low-volume domain from flapping.
 */
public final class FailureRateRule implements DomainRule {
    public static final String ID = "failure-rate";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("warning-percent", 2.0, "critical-percent", 5.0, "window-days", 3.0, "min-sessions", 100.0);
    }

    @Override
    public int lookbackDays(RuleParams p) {
        return p.whole("window-days");
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        int from = f.today() - p.whole("window-days");
        long ok = f.sum(RollupRow.SUCCESS, from, f.today());
        long failed = f.sum(RollupRow.FAILURE, from, f.today());
        long total = ok + failed;
        if (total < p.whole("min-sessions") || total == 0) return List.of();
        double rate = percent(failed, total);
        Severity severity;
        if (rate > p.percent("critical-percent")) severity = Severity.CRITICAL;
        else if (rate > p.percent("warning-percent")) severity = Severity.WARNING;
        else return List.of();
        Map<String, Long> byType = ResultTypes.failed(f, from);
        TreeSet<String> reporters = new TreeSet<>(f.perReporter(RollupRow.FAILURE, from, f.today()).keySet());
        TreeSet<String> mx = ResultTypes.failingMx(f, from, r -> true);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("window", window(from, f.today()));
        evidence.put("sessions", total);
        evidence.put("failed_sessions", failed);
        evidence.put("failure_rate_percent", rate);
        evidence.put("threshold_percent", p.percent(severity == Severity.CRITICAL ? "critical-percent" : "warning-percent"));
        evidence.put("result_types", byType);
        evidence.put("reporters", List.copyOf(reporters));
        evidence.put("mx_hosts", List.copyOf(mx));
        // a reporter or an MX host new among the failures is a material change (an update)
        TreeSet<String> parties = new TreeSet<>(reporters);
        parties.addAll(mx);
        String summary = String.format("%.2f %% of %d sessions to %s failed over %s to %s (%s above %.1f %%)", rate, total, f.domain(),
                date(from), date(f.today() - 1), severity.id(), (double) evidence.get("threshold_percent"));
        return List.of(new Signal(f.domain(), ID, "", severity, null, null, null, null, rate, parties, from, f.today(), summary,
                evidence));
    }
}
